package io.urop.bench.payments;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.urop.bench.common.BenchConfig;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * A diner paying its order as it orders: {@code POST /api/v1/orders} with its DINER token (from scanning its table's
 * code), a fresh {@code Idempotency-Key} and a one-line cart, at a location that takes payment as diners order, whose
 * restaurant takes payments online: order-service answers 201 with the order {@code PENDING_PAYMENT}, settlement
 * {@code PAY_FIRST}. The diner then asks for its checkout, {@code POST /api/v1/payments/orders/{orderId}/checkout}
 * with {@code {"tipPercent": 10}}: payment-service plans the payment's checkout and commits it, opens a Checkout
 * Session on the restaurant's Stripe account (the emulator) under the plan's idempotency key, records it and answers
 * 200 with Stripe's page ({@code url}). That request is the one measured.
 *
 * <p>payment-service learns of each order from {@code order.placed} on Kafka, a moment after it is placed, and answers
 * its checkout 404 until then. So the diner asks {@code payAfterMs} (default 1000) after the order was answered, as
 * a phone's diner reads its order's total before tapping "pay" (the arrivals are still {@code rate} checkouts a
 * second); should it still answer 404, it asks again up to {@code checkoutRetries} times (default 5),
 * {@code checkoutRetryMs} apart (default 500), under a request name of its own.
 *
 * <p>Request names: {@code <phase> order} (placing the order, not measured), {@code <phase> checkout} (the first
 * attempt, the one measured: a 404 there is KO, "found 404"), {@code <phase> checkout retry} (the later attempts).
 * Phases, one after the other, as in bench/orders: {@code warm-up gateway}, {@code warm-up direct}, {@code gateway},
 * {@code direct}; a warm-up ramps from a tenth of the rate up to it over its first half, then holds it. Through the
 * gateway both requests go through the gateway; directly, the order goes straight to order-service's own port and
 * the checkout straight to payment-service's (each verifies the same token itself).
 *
 * <p>Every order placed is written to {@code checkoutsFile} once the simulation ends (CSV: phase, order id, status of
 * the first checkout attempt, attempts, status of the last, the checkout's url), in the order the checkouts ended:
 * the sessions the webhook phase pays ({@link WebhookRun}) and the retries the table counts.
 *
 * <p>Settings ({@code -Dbench.*}): {@code gateway}, {@code orderService}, {@code paymentService} (base URLs),
 * {@code diners} (a CSV file with a {@code token} column), {@code cart} (the order's JSON body), {@code checkoutsFile},
 * {@code rate} (checkouts/s, default 50), {@code warmup} and {@code duration} (seconds, default 90 and 60),
 * {@code tipPercent} (10), {@code payAfterMs}, {@code checkoutRetries}, {@code checkoutRetryMs}.
 */
public class CheckoutSimulation extends Simulation {

    private final FeederBuilder<String> diners = csv(BenchConfig.required("diners")).random();
    private final String cart = read(BenchConfig.required("cart"));
    private final Path checkoutsFile = Path.of(BenchConfig.required("checkoutsFile"));
    private final double rate = BenchConfig.number("rate", 50);
    private final int warmup = BenchConfig.seconds("warmup", 90);
    private final int duration = BenchConfig.seconds("duration", 60);
    private final String tipBody = "{\"tipPercent\": " + BenchConfig.string("tipPercent", "10") + "}";
    private final Duration payAfter = Duration.ofMillis(BenchConfig.seconds("payAfterMs", 1000));
    private final int retries = BenchConfig.seconds("checkoutRetries", 5);
    private final Duration retryPause = Duration.ofMillis(BenchConfig.seconds("checkoutRetryMs", 500));

    /** One line per order placed: phase, order, first status, attempts, last status, url. */
    private final Queue<String> checkouts = new ConcurrentLinkedQueue<>();

    /** A fresh Idempotency-Key for every order. */
    private final Iterator<Map<String, Object>> keys = new Iterator<>() {

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Map<String, Object> next() {
            return Map.of("key", UUID.randomUUID().toString());
        }
    };

    {
        OpenInjectionStep[] warmingUp = {rampUsersPerSec(rate / 10).to(rate).during(Math.max(1, warmup / 2)),
                constantUsersPerSec(rate).during(Math.max(1, warmup - warmup / 2))};
        OpenInjectionStep measured = constantUsersPerSec(rate).during(duration);
        String gateway = BenchConfig.required("gateway");
        String orderService = BenchConfig.required("orderService");
        String paymentService = BenchConfig.required("paymentService");
        setUp(phase("warm-up gateway", gateway, gateway, warmingUp)
                .andThen(phase("warm-up direct", orderService, paymentService, warmingUp)
                        .andThen(phase("gateway", gateway, gateway, measured)
                                .andThen(phase("direct", orderService, paymentService, measured)))));
    }

    @Override
    public void after() {
        StringBuilder csv = new StringBuilder("phase,orderId,firstStatus,attempts,lastStatus,url\n");
        checkouts.forEach(line -> csv.append(line).append('\n'));
        try {
            Files.writeString(checkoutsFile, csv.toString(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PopulationBuilder phase(String name, String orders, String payments, OpenInjectionStep... injection) {
        // one shared keep-alive pool, as behind an ingress: measures the checkout, not a TCP handshake per arrival
        HttpProtocolBuilder protocol = http.acceptHeader("application/json").contentTypeHeader("application/json")
                .shareConnections();
        String checkoutUrl = payments + "/api/v1/payments/orders/#{orderId}/checkout";
        return scenario(name)
                .feed(diners)
                .feed(keys)
                .exec(http(name + " order").post(orders + "/api/v1/orders")
                        .header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", "#{key}")
                        .body(StringBody(cart))
                        .check(status().is(201), jsonPath("$.id").saveAs("orderId"),
                                jsonPath("$.settlement").is("PAY_FIRST"), jsonPath("$.state").is("PENDING_PAYMENT")))
                .exitHereIfFailed()
                .pause(payAfter)
                .exec(attempt(name + " checkout", checkoutUrl))
                .exec(session -> session.set("firstStatus", session.contains("status") ? session.getInt("status") : 0)
                        .set("attempts", 1))
                .exec(asLongAs(session -> session.getInt("status") == 404 && session.getInt("attempts") <= retries)
                        .on(exec(pause(retryPause)).exec(attempt(name + " checkout retry", checkoutUrl))
                                .exec(session -> session.set("attempts", session.getInt("attempts") + 1))))
                .exec(session -> {
                    checkouts.add(String.join(",", name, session.getString("orderId"),
                            Integer.toString(session.getInt("firstStatus")), Integer.toString(session.getInt("attempts")),
                            Integer.toString(session.getInt("status")),
                            session.contains("url") ? session.getString("url") : ""));
                    return session;
                })
                .injectOpen(injection)
                .protocols(protocol);
    }

    /** One attempt at the checkout: OK only with 200 and Stripe's page; its status saved as {@code status}. */
    private ChainBuilder attempt(String requestName, String url) {
        return exec(session -> session.remove("status").remove("url"))
                .exec(http(requestName).post(url)
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody(tipBody))
                        .check(status().saveAs("status"), status().is(200), jsonPath("$.url").saveAs("url")))
                .exec(session -> session.contains("status") ? session : session.set("status", 0));
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
