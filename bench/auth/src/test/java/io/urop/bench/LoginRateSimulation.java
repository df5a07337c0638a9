package io.urop.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.urop.bench.common.BenchConfig;

import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Logins per second: {@code POST /api/v1/auth/login} through the gateway at increasing constant arrival
 * rates (open model), one step after the other, cycling through many accounts so that no single account
 * is hot. Each step's requests are named {@code login @ <rate>/s}; an optional warm-up at the first rate
 * comes first, named {@code login warm-up}.
 *
 * <p>Settings ({@code -Dbench.*}): {@code gateway}, {@code accounts} (a file with one email a line),
 * {@code password} (the same for every account), {@code login.steps} (req/s, default {@code 5,10,20,40}),
 * {@code login.stepDuration} and {@code login.warmup} (seconds, default 20 and 10).
 */
public class LoginRateSimulation extends Simulation {

    private final String password = BenchConfig.required("password");
    private final List<Double> steps = BenchConfig.rates("login.steps", "5,10,20,40");
    private final int stepDuration = BenchConfig.seconds("login.stepDuration", 20);
    private final int warmup = BenchConfig.seconds("login.warmup", 10);
    private final FeederBuilder<Object> accounts = listFeeder(emails(Path.of(BenchConfig.required("accounts"))))
            .circular();
    private final HttpProtocolBuilder gateway = http.baseUrl(BenchConfig.required("gateway"))
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .shareConnections();

    {
        List<PopulationBuilder> phases = new ArrayList<>();
        if (warmup > 0) {
            phases.add(step("login warm-up", steps.get(0), warmup));
        }
        for (double rate : steps) {
            phases.add(step("login @ " + BenchConfig.rate(rate) + "/s", rate, stepDuration));
        }
        // each step starts when every login of the one before has been answered
        PopulationBuilder chain = phases.get(phases.size() - 1);
        for (int i = phases.size() - 2; i >= 0; i--) {
            chain = phases.get(i).andThen(chain);
        }
        setUp(chain);
    }

    private PopulationBuilder step(String name, double rate, int seconds) {
        String body = "{\"email\":\"#{email}\",\"password\":\"" + password + "\"}";
        return scenario(name)
                .feed(accounts)
                .exec(http(name).post("/api/v1/auth/login").body(StringBody(body))
                        .check(status().is(200), jmesPath("accessToken").exists()))
                .injectOpen(constantUsersPerSec(rate).during(seconds))
                .protocols(gateway);
    }

    private static List<Map<String, Object>> emails(Path file) {
        try {
            List<Map<String, Object>> records = Files.readAllLines(file).stream().map(String::trim)
                    .filter(line -> !line.isEmpty()).map(email -> Map.<String, Object>of("email", email)).toList();
            if (records.isEmpty()) {
                throw new IllegalStateException("No accounts in " + file);
            }
            return records;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
