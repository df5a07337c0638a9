package io.urop.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.urop.bench.common.BenchConfig;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Gateway overhead: the same authenticated {@code GET /api/v1/tenants/{tenantId}/locations}, first through
 * the gateway, then straight to tenant-service's own port, each at one constant arrival rate (open model:
 * a new virtual user, one request, per arrival; arrivals never wait for responses).
 *
 * <p>Phases, one after the other: {@code warm-up gateway}, {@code gateway}, {@code warm-up direct},
 * {@code direct}. The request names are the phase names; the report reads only {@code gateway} and
 * {@code direct}.
 *
 * <p>Settings ({@code -Dbench.*}): {@code gateway}, {@code tenantService} (base URLs), {@code token} (an
 * owner's access token), {@code tenantId}, {@code rate} (req/s, default 100), {@code warmup} and
 * {@code duration} (seconds, default 15 and 60).
 */
public class GatewayOverheadSimulation extends Simulation {

    private final String token = BenchConfig.required("token");
    private final String path = "/api/v1/tenants/" + BenchConfig.required("tenantId") + "/locations";
    private final double rate = BenchConfig.number("rate", 100);
    private final int warmup = BenchConfig.seconds("warmup", 15);
    private final int duration = BenchConfig.seconds("duration", 60);

    {
        PopulationBuilder warmGateway = phase("warm-up gateway", BenchConfig.required("gateway"), warmup);
        PopulationBuilder gateway = phase("gateway", BenchConfig.required("gateway"), duration);
        PopulationBuilder warmDirect = phase("warm-up direct", BenchConfig.required("tenantService"), warmup);
        PopulationBuilder direct = phase("direct", BenchConfig.required("tenantService"), duration);
        setUp(warmGateway.andThen(gateway.andThen(warmDirect.andThen(direct))));
    }

    private PopulationBuilder phase(String name, String baseUrl, int seconds) {
        // one shared keep-alive pool, as behind an ingress: measures the request, not a TCP handshake per arrival
        HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
                .acceptHeader("application/json")
                .authorizationHeader("Bearer " + token)
                .shareConnections();
        return scenario(name)
                .exec(http(name).get(path).check(status().is(200)))
                .injectOpen(constantUsersPerSec(rate).during(seconds))
                .protocols(protocol);
    }
}
