package io.urop.bench.orders;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

import io.urop.bench.common.BenchConfig;

import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * A diner placing an order from its phone: {@code POST /api/v1/orders} with its DINER token (from scanning its
 * table's code), a fresh {@code Idempotency-Key} (a UUID) and a mixed cart of 1 to 6 lines with options built from the
 * published menu ({@link Carts}). order-service prices every line from its copy of the menu, stores the order with its
 * history, claims the key and writes {@code order.placed} to its outbox, all in one transaction, and answers 201 with
 * the priced order. The location is paid at the end (PAY_AT_TABLE), so the order is {@code PLACED} at once: the
 * answer must be a 201 saying so. Each request is a diner of a table picked at random among the seeded ones.
 *
 * <p>First through the gateway, then straight to order-service's own port (which verifies the same token itself), each
 * at one constant arrival rate (open model: a new virtual user, one request, per arrival; arrivals never wait for
 * responses). Phases, one after the other: {@code warm-up gateway}, {@code warm-up direct}, {@code gateway},
 * {@code direct}: both warm-ups before either measurement, so that the gateway's phase does not find order-service
 * still compiling what the direct phase then finds compiled. A warm-up ramps from a tenth of the rate up to it over
 * its first half, then holds it. The request names are the phase names; the report reads only {@code gateway} and
 * {@code direct}.
 *
 * <p>Settings ({@code -Dbench.*}): {@code gateway}, {@code orderService} (base URLs), {@code diners} (a CSV file with a
 * {@code token} column, one diner's access token a line), {@code menu} (the location's public menu, JSON),
 * {@code rate} (orders/s, default 100), {@code warmup} and {@code duration} (seconds, default 90 and 60).
 */
public class OrderSimulation extends Simulation {

    private final FeederBuilder<String> diners = csv(BenchConfig.required("diners")).random();
    private final Carts carts = carts(BenchConfig.required("menu"));
    private final double rate = BenchConfig.number("rate", 100);
    private final int warmup = BenchConfig.seconds("warmup", 90);
    private final int duration = BenchConfig.seconds("duration", 60);

    /** A new cart and a fresh Idempotency-Key for every order. */
    private final Iterator<Map<String, Object>> orders = new Iterator<>() {

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Map<String, Object> next() {
            return Map.of("cart", carts.next(), "key", UUID.randomUUID().toString());
        }
    };

    {
        OpenInjectionStep[] warmingUp = {rampUsersPerSec(rate / 10).to(rate).during(Math.max(1, warmup / 2)),
                constantUsersPerSec(rate).during(Math.max(1, warmup - warmup / 2))};
        OpenInjectionStep measured = constantUsersPerSec(rate).during(duration);
        String gateway = BenchConfig.required("gateway");
        String orderService = BenchConfig.required("orderService");
        setUp(phase("warm-up gateway", gateway, warmingUp).andThen(phase("warm-up direct", orderService, warmingUp)
                .andThen(phase("gateway", gateway, measured).andThen(phase("direct", orderService, measured)))));
    }

    private PopulationBuilder phase(String name, String baseUrl, OpenInjectionStep... injection) {
        // one shared keep-alive pool, as behind an ingress: measures the order, not a TCP handshake per arrival
        HttpProtocolBuilder protocol = http.baseUrl(baseUrl).acceptHeader("application/json")
                .contentTypeHeader("application/json").shareConnections();
        return scenario(name)
                .feed(diners)
                .feed(orders)
                .exec(http(name).post("/api/v1/orders")
                        .header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", "#{key}")
                        .body(StringBody("#{cart}"))
                        .check(status().is(201), substring("\"state\":\"PLACED\"").exists()))
                .injectOpen(injection)
                .protocols(protocol);
    }

    private static Carts carts(String menu) {
        try {
            return Carts.of(Path.of(menu), System.nanoTime());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
