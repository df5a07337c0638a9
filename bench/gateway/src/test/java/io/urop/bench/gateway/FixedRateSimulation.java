package io.urop.bench.gateway;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.urop.bench.common.BenchConfig;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Latency at a fixed arrival rate (open model: arrivals never wait for earlier answers), one GET, as a phone asks for
 * it (gzip): a warm-up through the gateway (ramping up to the rate, then at it), then the measured phase through the
 * gateway, then the same straight to the service. Requests give up after 10 s, as the gateway does.
 *
 * <p>Settings ({@code -Dbench.*}): {@code gateway}, {@code direct} (base URLs), {@code path}, {@code rate} (req/s),
 * {@code warmup} and {@code duration} (seconds).
 */
public class FixedRateSimulation extends Simulation {

    private final String path = BenchConfig.required("path");
    private final double rate = BenchConfig.number("rate", 1500);
    private final int warmup = BenchConfig.seconds("warmup", 30);
    private final int duration = BenchConfig.seconds("duration", 60);

    {
        PopulationBuilder measured = phase("gateway", "gateway", constantUsersPerSec(rate).during(duration))
                .andThen(phase("direct", "direct", constantUsersPerSec(rate).during(duration)));
        setUp(warmup > 0
                ? phase("gateway warm-up", "gateway", rampUsersPerSec(1).to(rate).during(warmup / 2),
                        constantUsersPerSec(rate).during(warmup - warmup / 2)).andThen(measured)
                : measured);
    }

    private PopulationBuilder phase(String name, String target, OpenInjectionStep... injection) {
        HttpProtocolBuilder protocol = http.baseUrl(BenchConfig.required(target))
                .acceptHeader("application/json")
                .acceptEncodingHeader("gzip, deflate, br")
                .shareConnections();
        return scenario(name)
                .exec(http(name).get(path).requestTimeout(Duration.ofSeconds(10)).check(status().is(200)))
                .injectOpen(injection)
                .protocols(protocol);
    }
}
