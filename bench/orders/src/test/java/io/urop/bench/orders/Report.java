package io.urop.bench.orders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.urop.bench.common.BenchConfig;
import io.urop.bench.common.GatlingReports;
import io.urop.bench.common.ReportTable;

/**
 * Prints the benchmark's table from the Gatling reports of one run:
 * {@code java -cp bench/orders/target/test-classes -Dbench.*=... io.urop.bench.orders.Report <results dir>}. Besides
 * the columns the other benchmarks print it shows each phase's mean, and the ratio gateway / direct at each
 * percentile and the mean, so it reads Gatling's statistics tables itself (as {@link GatlingReports} does, mean
 * included) and uses {@link GatlingReports#printErrors} for the KO causes.
 */
public final class Report {

    /** One row of Gatling's statistics table, with the mean. */
    record Stats(long count, long ok, long ko, long p50, long p95, long p99, long mean) {
    }

    private static final Pattern ROW_NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)<");
    private static final Pattern CELL = Pattern.compile("class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        ReportTable.title("order creation and kitchen station");
        section(results, "ordersimulation", Report::printOrders);
        String skipped = BenchConfig.string("kitchen.skipped", "");
        if (!skipped.isEmpty()) {
            System.out.printf("%n2. Station query: skipped: %s%n", skipped);
        }
        else {
            section(results, "kitchensimulation", Report::printKitchen);
        }
        System.out.println("\nGatling reports: " + results.toAbsolutePath());
    }

    private static void printOrders(Map<String, Stats> rows) {
        double rate = BenchConfig.number("rate", 100);
        int duration = BenchConfig.seconds("duration", 60);
        long target = (long) BenchConfig.number("targetP95Ms", 50);
        System.out.printf("%n1. Order creation: POST /api/v1/orders as the diner of one of %s tables at random (its DINER token"
                + "%n   from scanning the table's code), a fresh Idempotency-Key and a mixed cart of 1 to 6 lines with options"
                + "%n   from the published menu (%s items), priced by order-service and PLACED at once (the location is paid"
                + "%n   at the end). %s orders/s for %d s per path after a %d s warm-up (ramping up to that rate), open model;"
                + "%n   both paths warmed up first, then the gateway measured, then order-service's own port."
                + "%n   Target: p95 under %d ms through the gateway%n%n",
                BenchConfig.string("tables", "?"), BenchConfig.string("menuItems", "?"), BenchConfig.rate(rate),
                duration, BenchConfig.seconds("warmup", 90), target);
        comparison(rows, duration, target);
    }

    private static void printKitchen(Map<String, Stats> rows) {
        double rate = BenchConfig.number("kitchen.rate", 20);
        int duration = BenchConfig.seconds("duration", 60);
        long target = (long) BenchConfig.number("kitchen.targetP95Ms", 20);
        System.out.printf("%n2. Station query: GET /api/v1/kitchen/tickets?locationId=...&station=%s with a %s token; the"
                + "%n   station has %s open tickets, which it lists, oldest first (%s bytes of JSON; %s orders placed by"
                + "%n   diners at a location of their own, paid at the end, each with a line made there; nobody bumps"
                + "%n   them). %s req/s for %d s per path after a %d s warm-up, open model, as above."
                + "%n   Target: p95 under %d ms through the gateway%n%n",
                BenchConfig.string("kitchen.station", "?"), BenchConfig.string("kitchen.role", "KITCHEN"),
                BenchConfig.string("kitchen.tickets", "?"), BenchConfig.string("kitchen.bytes", "?"),
                BenchConfig.string("kitchen.orders", "?"), BenchConfig.rate(rate), duration,
                BenchConfig.seconds("warmup", 90), target);
        comparison(rows, duration, target);
    }

    /** gateway, direct, their difference and ratio, and the target. */
    private static void comparison(Map<String, Stats> rows, int duration, long target) {
        System.out.printf("   %-18s %7s %6s %8s %8s %8s %8s %8s %8s%n", "path", "count", "KO", "p50 ms", "p95 ms",
                "p99 ms", "mean ms", "req/s", "ok/s");
        Stats gateway = rows.get("gateway");
        Stats direct = rows.get("direct");
        line("gateway", gateway, duration);
        line("direct", direct, duration);
        if (gateway != null && direct != null) {
            System.out.printf("   %-18s %7s %6s %+8d %+8d %+8d %+8d%n", "gateway - direct", "", "",
                    gateway.p50() - direct.p50(), gateway.p95() - direct.p95(), gateway.p99() - direct.p99(),
                    gateway.mean() - direct.mean());
            System.out.printf("   %-18s %7s %6s %8s %8s %8s %8s%n", "gateway / direct", "", "",
                    ratio(gateway.p50(), direct.p50()), ratio(gateway.p95(), direct.p95()),
                    ratio(gateway.p99(), direct.p99()), ratio(gateway.mean(), direct.mean()));
        }
        if (gateway != null) {
            System.out.printf("%n   Target p95 < %d ms through the gateway: %s%n", target,
                    gateway.ko() == 0 && gateway.p95() < target ? "met"
                            : "NOT met" + (gateway.ko() > 0 ? " (" + gateway.ko() + " KO)" : ""));
        }
    }

    private static void line(String name, Stats row, int duration) {
        if (row == null) {
            System.out.printf("   %-18s (no result)%n", name);
            return;
        }
        System.out.printf("   %-18s %7d %6d %8d %8d %8d %8d %8.1f %8.1f%n", name, row.count(), row.ko(), row.p50(),
                row.p95(), row.p99(), row.mean(), (double) row.count() / duration, (double) row.ok() / duration);
    }

    /** Gatling reports whole milliseconds: a 0 ms direct phase has no ratio. */
    private static String ratio(long gateway, long direct) {
        return direct <= 0 ? "-" : String.format("%.2fx", (double) gateway / direct);
    }

    private static void section(Path results, String simulation, java.util.function.Consumer<Map<String, Stats>> print)
            throws IOException {
        List<Path> reports = GatlingReports.of(results, simulation);
        if (!reports.isEmpty()) {
            print.accept(read(reports));
            GatlingReports.printErrors(reports);
        }
    }

    /** Request name to its statistics (a later report wins): Gatling's table, columns as {@link GatlingReports} says. */
    static Map<String, Stats> read(List<Path> reports) throws IOException {
        Map<String, Stats> rows = new LinkedHashMap<>();
        for (Path indexHtml : reports) {
            for (String tr : Files.readString(indexHtml).split("<tr ")) {
                Matcher name = ROW_NAME.matcher(tr);
                if (!name.find()) {
                    continue;
                }
                Map<Integer, String> cells = new LinkedHashMap<>();
                Matcher cell = CELL.matcher(tr);
                while (cell.find()) {
                    cells.put(Integer.parseInt(cell.group(1)), cell.group(2).trim());
                }
                if (cells.size() < 13) {
                    continue;
                }
                rows.put(name.group(1).trim(), new Stats(number(cells.get(2)), number(cells.get(3)),
                        number(cells.get(4)), number(cells.get(8)), number(cells.get(10)), number(cells.get(11)),
                        number(cells.get(13))));
            }
        }
        return rows;
    }

    private static long number(String cell) {
        return cell == null || cell.equals("-") ? 0 : Math.round(Double.parseDouble(cell.replace(",", "")));
    }
}
