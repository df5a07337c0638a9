package io.urop.bench.qr;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.urop.bench.common.BenchConfig;

import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * A phone scanning a table's code: {@code GET /q/{token}} (public, no token), which checks the code's signature and
 * version, that the table is in service and its location open, joins the table's session in Redis as a new guest,
 * has auth-service mint the guest's DINER token, and answers 303 to the customer app. The redirect is not followed:
 * what is measured is the scan itself, and each answer must be a 303 whose {@code Location} carries the session and,
 * in its fragment, the token. Each request scans the code of a table picked at random among the seeded ones.
 *
 * <p>First through the gateway, then straight to qr-service's own port, each at one constant arrival rate (open
 * model: a new virtual user, one request, per arrival; arrivals never wait for responses). Phases, one after the
 * other: {@code warm-up gateway}, {@code warm-up direct}, {@code gateway}, {@code direct}. A warm-up ramps from a
 * tenth of the rate up to it over its first half, then holds it, so that a freshly started JVM compiles the path
 * before it takes the full rate. The request names are the phase names; the report reads only {@code gateway} and
 * {@code direct}.
 *
 * <p>Settings ({@code -Dbench.*}): {@code gateway}, {@code qrService} (base URLs), {@code codes} (a CSV file with a
 * {@code token} column, one table's current code a line), {@code rate} (scans/s, default 200), {@code warmup} and
 * {@code duration} (seconds, default 90 and 60).
 */
public class ScanSimulation extends Simulation {

    /** What a phone's browser asks for when its camera opens a code. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final FeederBuilder<String> codes = csv(BenchConfig.required("codes")).random();
    private final double rate = BenchConfig.number("rate", 200);
    private final int warmup = BenchConfig.seconds("warmup", 90);
    private final int duration = BenchConfig.seconds("duration", 60);

    {
        OpenInjectionStep[] warmingUp = {rampUsersPerSec(rate / 10).to(rate).during(Math.max(1, warmup / 2)),
                constantUsersPerSec(rate).during(Math.max(1, warmup - warmup / 2))};
        OpenInjectionStep measured = constantUsersPerSec(rate).during(duration);
        String gateway = BenchConfig.required("gateway");
        String qrService = BenchConfig.required("qrService");
        // both warm-ups before either measurement: the gateway's phase would otherwise be measured while qr-service and
        // auth-service still compile what the direct phase then finds compiled
        setUp(phase("warm-up gateway", gateway, warmingUp).andThen(phase("warm-up direct", qrService, warmingUp)
                .andThen(phase("gateway", gateway, measured).andThen(phase("direct", qrService, measured)))));
    }

    private PopulationBuilder phase(String name, String baseUrl, OpenInjectionStep... injection) {
        // one shared keep-alive pool, as behind an ingress: measures the scan, not a TCP handshake per arrival
        HttpProtocolBuilder protocol = http.baseUrl(baseUrl).acceptHeader(BROWSER_ACCEPT)
                .disableFollowRedirect().shareConnections();
        return scenario(name)
                .feed(codes)
                .exec(http(name).get("/q/#{token}").check(status().is(303),
                        header("Location").transform(ScanSimulation::seatsTheDiner).is(true)))
                .injectOpen(injection)
                .protocols(protocol);
    }

    /** The customer app's page, given the table session in its query and the diner's token in its fragment. */
    static boolean seatsTheDiner(String location) {
        return location != null && location.contains("session=") && location.contains("#token=");
    }
}
