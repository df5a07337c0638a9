package io.urop.bench.menu;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.urop.bench.common.BenchConfig;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Saturation throughput of one target: the public menu read at increasing constant arrival rates (open model),
 * one step after the other, each starting when every request of the one before has been answered. The target
 * ({@code -Dbench.target}) is {@code gateway} (through the gateway, from menu-service's warm cache) or {@code bare}
 * ({@link BareMenuServer}: the same bytes from memory); run.sh runs this simulation once for each.
 *
 * <p>A step is <em>sustained</em> if no request failed and under 5% took {@code saturation.p95LimitMs} or more
 * (i.e. its p95 is under that limit). The first step that is not sustained is the last one run: the next step's
 * first arrival stops the load generator, so steps far past saturation (queues, timeouts) cost no time. Requests
 * give up after 10 s, as the gateway does. Requests are named {@code <target> @ <rate>/s}; a warm-up at the first
 * rate comes first, named {@code <target> warm-up}, and is not judged.
 *
 * <p>Settings ({@code -Dbench.*}): {@code target}, {@code gateway} or {@code bare} (its base URL),
 * {@code locationId}, {@code saturation.steps} (req/s), {@code saturation.stepDuration} and
 * {@code saturation.warmup} (seconds, default 15 and 10), {@code saturation.p95LimitMs} (default 100).
 */
public class SaturationSimulation extends Simulation {

    static final String STEPS = "100,200,300,400,600,800,1000,1500,2000,2500,3000,4000,5000";

    private final String target = BenchConfig.string("target", "gateway");
    private final String path = "/api/v1/public/locations/" + BenchConfig.required("locationId") + "/menu";
    private final List<Double> steps = BenchConfig.rates("saturation.steps", STEPS);
    private final int stepDuration = BenchConfig.seconds("saturation.stepDuration", 15);
    private final int warmup = BenchConfig.seconds("saturation.warmup", 10);
    private final long p95Limit = (long) BenchConfig.number("saturation.p95LimitMs", 100);
    private final HttpProtocolBuilder protocol = http.baseUrl(BenchConfig.required(target))
            .acceptHeader("application/json")
            // as a phone's browser asks: the menu comes gzip-compressed
            .acceptEncodingHeader("gzip, deflate, br")
            .shareConnections();

    /** Per step, counted as responses arrive: requests, KO and responses that took the p95 limit or more. */
    private final Map<String, AtomicLong[]> tallies = new ConcurrentHashMap<>();

    {
        List<PopulationBuilder> phases = new ArrayList<>();
        if (warmup > 0) {
            phases.add(step(target + " warm-up", steps.get(0), warmup, null));
        }
        String previous = null;
        for (double rate : steps) {
            String name = target + " @ " + BenchConfig.rate(rate) + "/s";
            phases.add(step(name, rate, stepDuration, previous));
            previous = name;
        }
        PopulationBuilder chain = phases.get(phases.size() - 1);
        for (int i = phases.size() - 2; i >= 0; i--) {
            chain = phases.get(i).andThen(chain);
        }
        setUp(chain);
    }

    private PopulationBuilder step(String name, double rate, int seconds, String previous) {
        ScenarioBuilder scenario = scenario(name);
        if (previous != null) {
            scenario = scenario.stopLoadGeneratorIf(session -> previous + " was not sustained: stopping",
                    session -> !sustained(previous));
        }
        return scenario
                .exec(http(name).get(path).requestTimeout(Duration.ofSeconds(10))
                        .check(responseTimeInMillis().saveAs("ms"), status().is(200)))
                .exec(session -> count(name, session))
                .injectOpen(constantUsersPerSec(rate).during(seconds))
                .protocols(protocol);
    }

    private Session count(String step, Session session) {
        AtomicLong[] tally = tallies.computeIfAbsent(step, s -> new AtomicLong[] {new AtomicLong(), new AtomicLong(),
                new AtomicLong()});
        tally[0].incrementAndGet();
        if (session.isFailed()) {
            tally[1].incrementAndGet();
        }
        if (!session.contains("ms") || session.getInt("ms") >= p95Limit) {
            tally[2].incrementAndGet();
        }
        return session;
    }

    private boolean sustained(String step) {
        AtomicLong[] tally = tallies.get(step);
        return tally != null && tally[1].get() == 0 && tally[2].get() * 20 < tally[0].get();
    }
}
