package io.urop.bench.menu;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.urop.bench.common.BenchConfig;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The public menu read on a cache miss and on a hit, through the gateway, at one (low) constant arrival rate.
 *
 * <p>menu-service caches the rendered menu per location, one Redis hash per location id ({@code PublicMenuCache}),
 * and publishing drops the cached menus of every location the menu is served at. run.sh opens many extra locations
 * of the bench tenant, serves the bench menu at all of them and publishes it last, then lists the extra ones in a
 * file ({@code cold.locations}) that nothing has read since. Each request of the {@code cold} phase reads the menu
 * of another of them, so every one misses: menu-service looks up the location's menu and its published version in
 * PostgreSQL, renders it, serialises and hashes it and stores it in Redis. The {@code warm} phase then reads exactly
 * the same locations again, in the same order: now every one hits, so the two differ only in the cache. A
 * {@code warm-up cold} phase with locations of its own comes first, so that the miss path is compiled before it is
 * measured. No request sends {@code ?lang=} or {@code Accept-Language}: the menu in its own language, as in the
 * warm read.
 *
 * <p>Each location read leaves its rendered menu in Redis for the 10 minutes its hash lives; the warm phase reads a
 * location {@code cold.duration} seconds after the cold one did, so keep that well under 10 minutes.
 *
 * <p>Settings ({@code -Dbench.*}): {@code gateway}, {@code cold.locations} (a file with one location id a line, at
 * least {@link ColdLocations#needed(double, int, int)} of them), {@code cold.rate} (req/s, default 20),
 * {@code cold.warmup} and {@code cold.duration} (seconds, default 20 and 60).
 */
public class ColdReadSimulation extends Simulation {

    private final String path = "/api/v1/public/locations/#{locationId}/menu";
    private final double rate = BenchConfig.number("cold.rate", 20);
    private final int warmup = BenchConfig.seconds("cold.warmup", 20);
    private final int duration = BenchConfig.seconds("cold.duration", 60);
    private final HttpProtocolBuilder gateway = http.baseUrl(BenchConfig.required("gateway"))
            .acceptHeader("application/json")
            // as a phone's browser asks: the menu comes gzip-compressed
            .acceptEncodingHeader("gzip, deflate, br")
            .shareConnections();

    {
        Path file = Path.of(BenchConfig.required("cold.locations"));
        List<String> locations = ColdLocations.read(file);
        // as many locations as arrivals, and a margin; the phases' ranges do not overlap
        int warmupLocations = ColdLocations.needed(rate, warmup);
        int coldLocations = ColdLocations.needed(rate, duration);
        if (locations.size() < warmupLocations + coldLocations) {
            throw new IllegalStateException(file + " lists " + locations.size() + " locations, the cold phases need "
                    + (warmupLocations + coldLocations) + ": run.sh opens that many for the same cold.* settings");
        }
        List<Map<String, Object>> cold = records(locations.subList(warmupLocations, warmupLocations + coldLocations));
        setUp(phase("warm-up cold", records(locations.subList(0, warmupLocations)), warmup)
                .andThen(phase("cold", cold, duration)
                        .andThen(phase("warm", cold, duration))));
    }

    private PopulationBuilder phase(String name, List<Map<String, Object>> locations, int seconds) {
        return scenario(name)
                .feed(listFeeder(locations).queue())
                .exec(http(name).get(path).check(status().is(200)))
                .injectOpen(constantUsersPerSec(rate).during(seconds))
                .protocols(gateway);
    }

    /** Feeder records {@code locationId}, in the file's order. */
    private static List<Map<String, Object>> records(List<String> locations) {
        return locations.stream().map(id -> Map.<String, Object>of("locationId", id)).toList();
    }
}
