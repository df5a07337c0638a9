package io.urop.bench.menu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.urop.bench.common.BenchConfig;
import io.urop.bench.common.GatlingReports;
import io.urop.bench.common.GatlingReports.Row;
import io.urop.bench.common.ReportTable;

/**
 * Prints the benchmark's table from the Gatling reports of one run:
 * {@code java -cp bench/menu/target/test-classes -Dbench.*=... io.urop.bench.menu.Report <results dir>}.
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        ReportTable.title("public menu");
        System.out.printf("%nGET /api/v1/public/locations/{locationId}/menu (no token): a published menu of %s items,"
                + " %s bytes of JSON%n", BenchConfig.string("menuItems", "?"), BenchConfig.string("menuBytes", "?"));
        GatlingReports.printSection(results, "warmreadsimulation", Report::printWarm);
        GatlingReports.printSection(results, "coldreadsimulation", Report::printCold);
        GatlingReports.printSection(results, "saturationsimulation", Report::printSaturation);
        System.out.println("\nGatling reports: " + results.toAbsolutePath());
    }

    private static void printWarm(Map<String, Row> rows) {
        double rate = BenchConfig.number("rate", 300);
        int duration = BenchConfig.seconds("duration", 60);
        long target = (long) BenchConfig.number("targetP95Ms", 50);
        System.out.printf("%n1. Warm cache: %s req/s for %d s per path after a %d s warm-up (ramping up to that rate), open"
                + "%n   model; gateway first, then straight to menu-service's own port. Target: p95 under %d ms%n%n",
                BenchConfig.rate(rate), duration, BenchConfig.seconds("warmup", 30), target);
        ReportTable.header("path");
        Row gateway = rows.get("gateway");
        Row direct = rows.get("direct");
        ReportTable.line("gateway", gateway, duration);
        ReportTable.line("direct", direct, duration);
        ReportTable.difference("gateway - direct", gateway, direct);
        ReportTable.target(gateway, target);
    }

    private static void printCold(Map<String, Row> rows) {
        double rate = BenchConfig.number("cold.rate", 20);
        int duration = BenchConfig.seconds("cold.duration", 60);
        System.out.printf("%n2. Cold vs warm, through the gateway: %s req/s for %d s each, open model. The menu is served at"
                + "%n   %s more locations of the tenant, published after they were assigned, and menu-service caches it per"
                + "%n   location. Cold: every request reads a location nobody read before, so each one misses the cache and"
                + "%n   renders the menu from PostgreSQL; warm: the very same locations again, now all cached (after a %d s"
                + "%n   cold warm-up on locations of its own)%n%n",
                BenchConfig.rate(rate), duration, BenchConfig.string("cold.locationCount", "?"),
                BenchConfig.seconds("cold.warmup", 20));
        ReportTable.header("cache");
        Row cold = rows.get("cold");
        Row warm = rows.get("warm");
        ReportTable.line("cold (miss)", cold, duration);
        ReportTable.line("warm (hit)", warm, duration);
        ReportTable.difference("cold - warm", cold, warm);
    }

    private static void printSaturation(Map<String, Row> rows) {
        List<Double> steps = BenchConfig.rates("saturation.steps", SaturationSimulation.STEPS);
        int duration = BenchConfig.seconds("saturation.stepDuration", 15);
        long p95Limit = (long) BenchConfig.number("saturation.p95LimitMs", 100);
        System.out.printf("%n3. Saturation: increasing arrival rates, %d s per step (open model), through the gateway and"
                + "%n   from a bare Reactor Netty server serving the same bytes from memory. Sustained: 0 KO and p95 under"
                + " %d ms;%n   each target stops after its first step that is not sustained%n%n", duration, p95Limit);
        ReportTable.header("step");
        Map<String, Double> sustained = new LinkedHashMap<>();
        Map<String, Boolean> limited = new LinkedHashMap<>();
        for (String target : List.of("gateway", "bare")) {
            if (rows.keySet().stream().noneMatch(step -> step.startsWith(target + " @ "))) {
                continue;
            }
            boolean failed = false;
            for (double rate : steps) {
                String step = target + " @ " + BenchConfig.rate(rate) + "/s";
                Row row = rows.get(step);
                if (row == null) {
                    continue;
                }
                ReportTable.line(step, row, duration);
                if (!failed && row.ko() == 0 && row.count() > 0 && row.p95() < p95Limit) {
                    sustained.put(target, rate);
                }
                else {
                    failed = true;
                }
            }
            limited.put(target, failed);
        }
        System.out.println();
        for (String target : limited.keySet()) {
            Double rate = sustained.get(target);
            System.out.printf("   Highest sustained, %-8s %s%n", target + ":", rate == null ? "none of the steps"
                    : BenchConfig.rate(rate) + " req/s" + (limited.get(target) ? "" : " (every step was sustained: at least that)"));
        }
        Double gateway = sustained.get("gateway");
        Double bare = sustained.get("bare");
        if (gateway != null && bare != null) {
            System.out.printf("   gateway / bare:           %.2f (at the steps' resolution)%n", gateway / bare);
        }
    }
}
