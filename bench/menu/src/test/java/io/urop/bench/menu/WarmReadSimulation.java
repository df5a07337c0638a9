package io.urop.bench.menu;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.urop.bench.common.BenchConfig;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The public menu from a warm cache: {@code GET /api/v1/public/locations/{locationId}/menu} (no token, no
 * language: the menu's own), first through the gateway, then straight to menu-service's own port, each at one
 * constant arrival rate (open model: a new virtual user, one request, per arrival; arrivals never wait for
 * responses). Every request is answered from menu-service's Redis cache (run.sh read the menu once before).
 *
 * <p>Phases, one after the other: {@code warm-up gateway}, {@code gateway}, {@code warm-up direct},
 * {@code direct}. A warm-up ramps from a tenth of the rate up to it over its first half, then holds it, so that a
 * freshly started JVM compiles the path before it takes the full rate. The request names are the phase names; the
 * report reads only {@code gateway} and {@code direct}.
 *
 * <p>Settings ({@code -Dbench.*}): {@code gateway}, {@code menuService} (base URLs), {@code locationId},
 * {@code rate} (req/s, default 300), {@code warmup} and {@code duration} (seconds, default 30 and 60).
 */
public class WarmReadSimulation extends Simulation {

    private final String path = "/api/v1/public/locations/" + BenchConfig.required("locationId") + "/menu";
    private final double rate = BenchConfig.number("rate", 300);
    private final int warmup = BenchConfig.seconds("warmup", 30);
    private final int duration = BenchConfig.seconds("duration", 60);

    {
        OpenInjectionStep[] warmingUp = {rampUsersPerSec(rate / 10).to(rate).during(Math.max(1, warmup / 2)),
                constantUsersPerSec(rate).during(Math.max(1, warmup - warmup / 2))};
        OpenInjectionStep measured = constantUsersPerSec(rate).during(duration);
        PopulationBuilder warmGateway = phase("warm-up gateway", BenchConfig.required("gateway"), warmingUp);
        PopulationBuilder gateway = phase("gateway", BenchConfig.required("gateway"), measured);
        PopulationBuilder warmDirect = phase("warm-up direct", BenchConfig.required("menuService"), warmingUp);
        PopulationBuilder direct = phase("direct", BenchConfig.required("menuService"), measured);
        setUp(warmGateway.andThen(gateway.andThen(warmDirect.andThen(direct))));
    }

    private PopulationBuilder phase(String name, String baseUrl, OpenInjectionStep... injection) {
        // one shared keep-alive pool, as behind an ingress: measures the request, not a TCP handshake per arrival
        HttpProtocolBuilder protocol = http.baseUrl(baseUrl).acceptHeader("application/json")
                // as a phone's browser asks: the menu comes gzip-compressed
                .acceptEncodingHeader("gzip, deflate, br").shareConnections();
        return scenario(name)
                .exec(http(name).get(path).check(status().is(200)))
                .injectOpen(injection)
                .protocols(protocol);
    }
}
