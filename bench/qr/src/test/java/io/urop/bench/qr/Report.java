package io.urop.bench.qr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import io.urop.bench.common.BenchConfig;
import io.urop.bench.common.GatlingReports;
import io.urop.bench.common.GatlingReports.Row;
import io.urop.bench.common.ReportTable;

/**
 * Prints the benchmark's table from the Gatling report of one run:
 * {@code java -cp bench/qr/target/test-classes -Dbench.*=... io.urop.bench.qr.Report <results dir>}.
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        ReportTable.title("table scan");
        GatlingReports.printSection(results, "scansimulation", Report::printScans);
        System.out.println("\nGatling reports: " + results.toAbsolutePath());
    }

    private static void printScans(Map<String, Row> rows) {
        double rate = BenchConfig.number("rate", 200);
        int duration = BenchConfig.seconds("duration", 60);
        long target = (long) BenchConfig.number("targetP95Ms", 30);
        System.out.printf("%nGET /q/{token} (no token), the code of one of %s tables at random, answered 303 to the customer"
                + "%napp (not followed): code checked, table session joined in Redis, diner token minted by auth-service."
                + "%n%s scans/s for %d s per path after a %d s warm-up (ramping up to that rate), open model; both paths"
                + "%nwarmed up first, then the gateway measured, then qr-service's own port. Target: p95 under %d ms through the gateway%n%n",
                BenchConfig.string("tables", "?"), BenchConfig.rate(rate), duration, BenchConfig.seconds("warmup", 90),
                target);
        ReportTable.header("path");
        Row gateway = rows.get("gateway");
        Row direct = rows.get("direct");
        ReportTable.line("gateway", gateway, duration);
        ReportTable.line("direct", direct, duration);
        ReportTable.difference("gateway - direct", gateway, direct);
        ReportTable.target(gateway, target);
    }
}
