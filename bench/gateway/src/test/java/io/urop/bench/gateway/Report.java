package io.urop.bench.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.urop.bench.common.BenchConfig;
import io.urop.bench.common.GatlingReports;
import io.urop.bench.common.GatlingReports.Row;
import io.urop.bench.common.ReportTable;

/**
 * Prints the benchmark's table from one run's wrk outputs ({@code wrk-<route>-<target>.txt}) and Gatling report:
 * {@code java -cp bench/gateway/target/test-classes -Dbench.*=... io.urop.bench.gateway.Report <results dir>}.
 */
public final class Report {

    private static final double GATEWAY_TARGET = 0.6;
    private static final double DIRECT_TARGET = 0.3;

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        ReportTable.title("gateway");
        System.out.printf("%n1. Saturation, closed loop: wrk, %s threads, %s connections, %s s per target after a warm-up;"
                + "%n   each connection sends its next request as soon as the last one is answered%n%n",
                BenchConfig.string("threads", "?"), BenchConfig.string("connections", "?"),
                BenchConfig.string("closedDuration", "?"));
        header("route / target");
        WrkResult bare = line(results, "menu", "bare", "public menu (" + BenchConfig.string("menuBytes", "?")
                + " B gzip) / bare");
        WrkResult menuDirect = line(results, "menu", "direct", "public menu / direct");
        WrkResult menuProxy = line(results, "menu", "proxy", "public menu / bare proxy");
        WrkResult menuGateway = line(results, "menu", "gateway", "public menu / gateway");
        WrkResult authDirect = line(results, "auth", "direct", "authenticated GET / direct");
        WrkResult authProxy = line(results, "auth", "proxy", "authenticated GET / bare proxy");
        WrkResult authGateway = line(results, "auth", "gateway", "authenticated GET / gateway");
        System.out.println("""

                   front CPU, service CPU: the CPU time (user and system) the process in front (the gateway, or the bare
                   proxy) and menu-service spent during the run, per request answered: what a request costs each, which
                   the other processes' noise moves far less than the throughput. The bare proxy is Reactor Netty passing
                   requests and answers through and nothing else: the least any gateway can cost on this machine.
                """);
        ratio("public menu, gateway / direct", menuGateway, menuDirect, GATEWAY_TARGET);
        ratio("authenticated GET, gateway / direct", authGateway, authDirect, GATEWAY_TARGET);
        ratio("public menu, direct / bare", menuDirect, bare, DIRECT_TARGET);
        System.out.println();
        ratio("public menu, bare proxy / direct", menuProxy, menuDirect);
        ratio("authenticated GET, bare proxy / direct", authProxy, authDirect);
        ratio("public menu, gateway / bare proxy", menuGateway, menuProxy);
        ratio("authenticated GET, gateway / bare proxy", authGateway, authProxy);
        System.out.printf("%n   public menu: GET %s%n   authenticated GET: GET %s (the owner's token)%n",
                BenchConfig.string("menuPath", "?"), BenchConfig.string("authPath", "?"));
        settings(results);

        GatlingReports.printSection(results, "fixedratesimulation", Report::printFixedRate);
        System.out.println("\nwrk outputs, Gatling report and profiles: " + results.toAbsolutePath());
    }

    private static void header(String first) {
        System.out.printf("   %-34s %9s %8s %8s %8s %7s %12s %12s%n", first, "req/s", "p50 ms", "p90 ms", "p99 ms",
                "errors", "front CPU", "service CPU");
    }

    /** The settings phase's runs ({@code settings.txt}: label, setting): the gateway restarted with each, one fleet. */
    private static void settings(Path results) throws IOException {
        Path list = results.resolve("settings.txt");
        if (!Files.isRegularFile(list)) {
            return;
        }
        System.out.printf("%n   The gateway restarted with each setting in turn, on the same fleet: the public menu"
                + " through it%n%n");
        header("setting / run");
        for (String entry : Files.readAllLines(list)) {
            String[] fields = entry.split("\t", 2);
            String label = fields[0];
            System.out.printf("   %s: %s%n", label, fields.length > 1 ? fields[1] : "");
            for (int run = 1; Files.isRegularFile(results.resolve("wrk-menu-" + label + "-" + run + ".txt")); run++) {
                line(results, "menu", label + "-" + run, "  run " + run);
            }
        }
    }

    private static WrkResult line(Path results, String route, String target, String label) throws IOException {
        WrkResult result = WrkResult.read(results.resolve("wrk-" + route + "-" + target + ".txt"));
        CpuTime cpu = CpuTime.read(results.resolve("cpu-" + route + "-" + target + ".txt"));
        if (result == null) {
            System.out.printf("   %-34s (not run)%n", label);
        }
        else {
            boolean costs = cpu != null && !target.equals("bare");
            System.out.printf("   %-34s %9.0f %8.2f %8.2f %8.2f %7d %12s %12s%n", label, result.requestsPerSecond(),
                    result.p50Ms(), result.p90Ms(), result.p99Ms(), result.errors(),
                    costs ? Math.round(cpu.frontMicrosPer(result.requests())) + " us" : "",
                    costs ? Math.round(cpu.menuServiceMicrosPer(result.requests())) + " us" : "");
        }
        return result;
    }

    private static void ratio(String label, WrkResult numerator, WrkResult denominator, double target) {
        if (numerator != null && denominator != null) {
            double ratio = numerator.requestsPerSecond() / denominator.requestsPerSecond();
            boolean clean = numerator.errors() == 0 && denominator.errors() == 0;
            System.out.printf("   %-40s %5.2f  (target at least %.1f: %s)%n", label + ":", ratio, target,
                    ratio >= target && clean ? "met" : "NOT met" + (clean ? "" : ", with errors"));
        }
    }

    /** A ratio the issue sets no target for: what the hop alone allows, beside what the gateway reaches. */
    private static void ratio(String label, WrkResult numerator, WrkResult denominator) {
        if (numerator != null && denominator != null) {
            boolean clean = numerator.errors() == 0 && denominator.errors() == 0;
            System.out.printf("   %-40s %5.2f%s%n", label + ":",
                    numerator.requestsPerSecond() / denominator.requestsPerSecond(), clean ? "" : "  (with errors)");
        }
    }

    private static void printFixedRate(Map<String, Row> rows) {
        int duration = BenchConfig.seconds("duration", 60);
        long target = (long) BenchConfig.number("targetP95Ms", 50);
        System.out.printf("%n2. Open model: the %s-dish menu (%s B gzip) at %s req/s for %d s, through the gateway, then"
                + "%n   straight to menu-service (after a %d s warm-up through the gateway)%n%n",
                BenchConfig.string("bigMenuItems", "?"), BenchConfig.string("bigMenuBytes", "?"),
                BenchConfig.rate(BenchConfig.number("rate", 1500)), duration, BenchConfig.seconds("warmup", 30));
        ReportTable.header("target");
        ReportTable.line("gateway", rows.get("gateway"), duration);
        ReportTable.line("direct", rows.get("direct"), duration);
        ReportTable.difference("gateway - direct", rows.get("gateway"), rows.get("direct"));
        ReportTable.target(rows.get("gateway"), target);
    }
}
