package io.urop.bench.menu;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The public menu read on a cache miss and on a hit, through the gateway, at one (low) constant arrival rate.
 *
 * <p>menu-service caches a location's rendered menu once per language, the primary subtag of {@code ?lang=}
 * ({@code DinerLanguage}, {@code PublicMenuCache}). So a request for a language not asked for before misses:
 * it loads the published version from PostgreSQL, renders it (texts without a translation fall back to the
 * menu's own language), serialises and hashes it and stores it in Redis. Each request of the {@code cold} phase
 * asks for another well-formed three-letter code ({@code aaa}, {@code aab}, ...), so every one of them misses.
 * The {@code warm} phase then sends exactly the same requests again, in the same order: now every one hits, so the
 * two differ only in the cache. A {@code warm-up cold} phase with codes of its own comes first, so that the
 * miss path is compiled before it is measured.
 *
 * <p>Each code leaves one rendered menu in Redis (for the 10 minutes the location's cache lives).
 *
 * <p>Settings ({@code -Dbench.*}): {@code gateway}, {@code locationId}, {@code cold.rate} (req/s, default 20),
 * {@code cold.warmup} and {@code cold.duration} (seconds, default 20 and 60).
 */
public class ColdReadSimulation extends Simulation {

    /** aaa .. zzz */
    private static final int CODES = 26 * 26 * 26;

    private final String path = "/api/v1/public/locations/" + BenchConfig.required("locationId") + "/menu?lang=#{lang}";
    private final double rate = BenchConfig.number("cold.rate", 20);
    private final int warmup = BenchConfig.seconds("cold.warmup", 20);
    private final int duration = BenchConfig.seconds("cold.duration", 60);
    private final HttpProtocolBuilder gateway = http.baseUrl(BenchConfig.required("gateway"))
            .acceptHeader("application/json")
            .shareConnections();

    {
        // as many codes as arrivals, and a margin; the phases' ranges do not overlap
        int warmupCodes = (int) Math.ceil(rate * warmup) + (int) Math.ceil(rate) + 10;
        int coldCodes = (int) Math.ceil(rate * duration) + (int) Math.ceil(rate) + 10;
        if (warmupCodes + coldCodes > CODES) {
            throw new IllegalStateException("At most " + CODES + " cold requests: lower cold.rate or cold.duration");
        }
        List<Map<String, Object>> cold = languages(warmupCodes, coldCodes);
        setUp(phase("warm-up cold", languages(0, warmupCodes), warmup)
                .andThen(phase("cold", cold, duration)
                        .andThen(phase("warm", cold, duration))));
    }

    private PopulationBuilder phase(String name, List<Map<String, Object>> languages, int seconds) {
        return scenario(name)
                .feed(listFeeder(languages).queue())
                .exec(http(name).get(path).check(status().is(200)))
                .injectOpen(constantUsersPerSec(rate).during(seconds))
                .protocols(gateway);
    }

    /** {@code count} three-letter language codes from the {@code first}th on, as feeder records {@code lang}. */
    private static List<Map<String, Object>> languages(int first, int count) {
        return IntStream.range(first, first + count)
                .mapToObj(i -> "" + (char) ('a' + i / 676) + (char) ('a' + i / 26 % 26) + (char) ('a' + i % 26))
                .map(code -> Map.<String, Object>of("lang", code))
                .toList();
    }
}
