package io.urop.bench.common;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import io.urop.bench.common.GatlingReports.Row;

/**
 * The lines every benchmark's table prints. Gatling's count/s is over the whole simulation, so the rates here are a
 * phase's count over that phase's configured duration.
 */
public final class ReportTable {

    private ReportTable() {
    }

    /** The run's title, and what the numbers are not. */
    public static void title(String benchmark) {
        System.out.printf("urop %s benchmark, %s, %d cores%n", benchmark,
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                Runtime.getRuntime().availableProcessors());
        System.out.println("""
                Caveat: the load generator (Gatling), the fleet (~10 JVMs) and PostgreSQL, Kafka and Redis share these
                cores, so the numbers are what this machine does with all of them at once, not what a service does on
                its own hardware. Compare runs on the same machine; do not read them as production capacity.""");
    }

    public static void header(String first) {
        System.out.printf("   %-18s %7s %6s %8s %8s %8s %8s %8s%n", first, "count", "KO", "p50 ms", "p95 ms", "p99 ms",
                "req/s", "ok/s");
    }

    public static void line(String name, Row row, int duration) {
        if (row == null) {
            System.out.printf("   %-18s (no result)%n", name);
            return;
        }
        System.out.printf("   %-18s %7d %6d %8d %8d %8d %8.1f %8.1f%n", name, row.count(), row.ko(), row.p50(), row.p95(),
                row.p99(), (double) row.count() / duration, (double) row.ok() / duration);
    }

    /** {@code first - second} at each percentile (the gateway's added latency, a cache miss's cost), when both ran. */
    public static void difference(String name, Row first, Row second) {
        if (first != null && second != null) {
            System.out.printf("   %-18s %7s %6s %+8d %+8d %+8d%n", name, "", "", first.p50() - second.p50(),
                    first.p95() - second.p95(), first.p99() - second.p99());
        }
    }

    /** Whether the gateway's phase met a p95 target, with no request failed. */
    public static void target(Row gateway, long p95Ms) {
        if (gateway != null) {
            System.out.printf("%n   Target p95 < %d ms through the gateway: %s%n", p95Ms,
                    gateway.ko() == 0 && gateway.p95() < p95Ms ? "met" : "NOT met"
                            + (gateway.ko() > 0 ? " (" + gateway.ko() + " KO)" : ""));
        }
    }
}
