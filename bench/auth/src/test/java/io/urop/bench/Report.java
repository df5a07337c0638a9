package io.urop.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.urop.bench.common.BenchConfig;
import io.urop.bench.common.GatlingReports;
import io.urop.bench.common.GatlingReports.Row;
import io.urop.bench.common.ReportTable;

/**
 * Prints the benchmark's table from the Gatling reports of one run:
 * {@code java -cp bench/auth/target/test-classes -Dbench.*=... io.urop.bench.Report <results dir>}.
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        ReportTable.title("auth");
        GatlingReports.printSection(results, "gatewayoverheadsimulation", Report::printOverhead);
        GatlingReports.printSection(results, "loginratesimulation", Report::printLogins);
        System.out.println("\nGatling reports: " + results.toAbsolutePath());
    }

    private static void printOverhead(Map<String, Row> rows) {
        double rate = BenchConfig.number("rate", 100);
        int duration = BenchConfig.seconds("duration", 60);
        System.out.printf("%n1. Gateway overhead: GET /api/v1/tenants/{tenantId}/locations (owner's token), open model,%n"
                + "   %s req/s for %d s per path after a %d s warm-up at the same rate; gateway first, then direct%n%n",
                BenchConfig.rate(rate), duration, BenchConfig.seconds("warmup", 90));
        ReportTable.header("path");
        Row gateway = rows.get("gateway");
        Row direct = rows.get("direct");
        ReportTable.line("gateway", gateway, duration);
        ReportTable.line("direct", direct, duration);
        ReportTable.difference("gateway - direct", gateway, direct);
    }

    private static void printLogins(Map<String, Row> rows) {
        List<Double> steps = BenchConfig.rates("login.steps", "5,10,20,40");
        int duration = BenchConfig.seconds("login.stepDuration", 20);
        long p95Limit = (long) BenchConfig.number("login.p95LimitMs", 1000);
        System.out.printf("%n2. Logins per second: POST /api/v1/auth/login through the gateway (BCrypt strength 10), open model,%n"
                + "   %d s per step, cycling through %s accounts%n%n", duration, BenchConfig.string("accountCount", "?"));
        System.out.printf("   %-18s %7s %6s %6s %8s %8s %8s %8s %8s%n", "offered", "count", "KO", "KO %", "p50 ms",
                "p95 ms", "p99 ms", "req/s", "ok/s");
        String sustainable = null;
        for (double rate : steps) {
            String step = BenchConfig.rate(rate);
            Row row = rows.get("login @ " + step + "/s");
            if (row == null) {
                System.out.printf("   %-18s (no result)%n", step + "/s");
                continue;
            }
            System.out.printf("   %-18s %7d %6d %6.1f %8d %8d %8d %8.1f %8.1f%n", step + "/s", row.count(), row.ko(),
                    100.0 * row.ko() / Math.max(1, row.count()), row.p50(), row.p95(), row.p99(),
                    (double) row.count() / duration, (double) row.ok() / duration);
            if (row.ko() == 0 && row.count() > 0 && row.p95() < p95Limit) {
                sustainable = step;
            }
        }
        System.out.printf("%n   Sustainable on this machine: %s (the highest step with 0 KO and p95 under %d ms)%n",
                sustainable == null ? "none of the steps" : sustainable + " logins/s", p95Limit);
    }
}
