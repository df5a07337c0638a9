package io.urop.bench.orders;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.urop.bench.common.BenchConfig;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * A kitchen display reading its station's open tickets:
 * {@code GET /api/v1/kitchen/tickets?locationId={locationId}&station={station}} with a KITCHEN member's token, oldest
 * first. run.sh placed the orders that opened those tickets at a location of their own (each with a line made at that
 * station), and nobody bumps them, so every request reads the same open tickets.
 *
 * <p>First through the gateway, then straight to order-service's own port, each at one constant arrival rate (open
 * model), phases as in {@link OrderSimulation}: {@code warm-up gateway}, {@code warm-up direct}, {@code gateway},
 * {@code direct}. A request is OK when it answers 200.
 *
 * <p>Settings ({@code -Dbench.*}): {@code gateway}, {@code orderService} (base URLs), {@code kitchen.locationId},
 * {@code kitchen.station}, {@code kitchen.tokenFile} (a file holding the access token), {@code kitchen.rate} (req/s,
 * default 20), {@code warmup} and {@code duration} (seconds, default 90 and 60).
 */
public class KitchenSimulation extends Simulation {

    private final String path = "/api/v1/kitchen/tickets?locationId=" + BenchConfig.required("kitchen.locationId")
            + "&station=" + URLEncoder.encode(BenchConfig.required("kitchen.station"), StandardCharsets.UTF_8);
    private final String token = token(BenchConfig.required("kitchen.tokenFile"));
    private final double rate = BenchConfig.number("kitchen.rate", 20);
    private final int warmup = BenchConfig.seconds("warmup", 90);
    private final int duration = BenchConfig.seconds("duration", 60);

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
        HttpProtocolBuilder protocol = http.baseUrl(baseUrl).acceptHeader("application/json")
                .authorizationHeader("Bearer " + token).shareConnections();
        return scenario(name)
                .exec(http(name).get(path).check(status().is(200)))
                .injectOpen(injection)
                .protocols(protocol);
    }

    private static String token(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
