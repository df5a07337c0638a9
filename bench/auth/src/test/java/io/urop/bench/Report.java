package io.urop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prints the benchmark's table from the Gatling reports of one run:
 * {@code java -cp bench/auth/target/test-classes -Dbench.*=... io.urop.bench.Report <results dir>}.
 *
 * <p>Gatling 3.15 writes no {@code stats.json} any more; its per-request statistics are the table of the
 * report's {@code index.html} (columns: total, OK, KO, % KO, count/s, min, p50, p75, p95, p99, max, mean,
 * std dev; the percentiles are over all responses, OK and KO). Gatling's count/s is over the whole
 * simulation, so the rates here are a phase's count over that phase's configured duration.
 */
public final class Report {

    /** One row of Gatling's statistics table. */
    record Row(long count, long ok, long ko, long p50, long p95, long p99) {
    }

    private static final Pattern ROW_NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)<");
    private static final Pattern CELL = Pattern.compile("class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");
    private static final Pattern ERROR = Pattern.compile(
            "error-col-1 total ko\">([^<]*)<(?s:.*?)error-col-2 total ko\">([^<]*)</td>");

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        System.out.printf("urop auth benchmark, %s, %d cores%n",
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                Runtime.getRuntime().availableProcessors());
        System.out.println("""
                Caveat: the load generator (Gatling), the fleet (~10 JVMs) and PostgreSQL, Kafka and Redis share these
                cores, so the numbers are what this machine does with all of them at once, not what a service does on
                its own hardware. Compare runs on the same machine; do not read them as production capacity.""");
        Path overhead = report(results, "gatewayoverheadsimulation");
        if (overhead != null) {
            printOverhead(read(overhead));
            printErrors(overhead);
        }
        Path logins = report(results, "loginratesimulation");
        if (logins != null) {
            printLogins(read(logins));
            printErrors(logins);
        }
        System.out.println("\nGatling reports: " + results.toAbsolutePath());
    }

    private static void printOverhead(Map<String, Row> rows) {
        double rate = BenchConfig.number("rate", 100);
        int duration = BenchConfig.seconds("duration", 60);
        System.out.printf("%n1. Gateway overhead: GET /api/v1/tenants/{tenantId}/locations (owner's token), open model,%n"
                + "   %s req/s for %d s per path after a %d s warm-up at the same rate; gateway first, then direct%n%n",
                BenchConfig.rate(rate), duration, BenchConfig.seconds("warmup", 15));
        System.out.printf("   %-18s %7s %6s %8s %8s %8s %8s %8s%n", "path", "count", "KO", "p50 ms", "p95 ms", "p99 ms",
                "req/s", "ok/s");
        Row gateway = rows.get("gateway");
        Row direct = rows.get("direct");
        line("gateway", gateway, duration);
        line("direct", direct, duration);
        if (gateway != null && direct != null) {
            System.out.printf("   %-18s %7s %6s %+8d %+8d %+8d%n", "gateway - direct", "", "",
                    gateway.p50() - direct.p50(), gateway.p95() - direct.p95(), gateway.p99() - direct.p99());
        }
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

    /** Gatling's errors table: why requests were KO (all phases, warm-ups included). */
    private static void printErrors(Path indexHtml) throws IOException {
        Matcher error = ERROR.matcher(Files.readString(indexHtml));
        boolean first = true;
        while (error.find()) {
            System.out.printf(first ? "%n   KO causes: %s x %s%n" : "              %s x %s%n", unescape(error.group(1).trim()),
                    error.group(2).trim());
            first = false;
        }
    }

    private static void line(String name, Row row, int duration) {
        if (row == null) {
            System.out.printf("   %-18s (no result)%n", name);
            return;
        }
        System.out.printf("   %-18s %7d %6d %8d %8d %8d %8.1f %8.1f%n", name, row.count(), row.ko(), row.p50(), row.p95(),
                row.p99(), (double) row.count() / duration, (double) row.ok() / duration);
    }

    /** The newest report of that simulation under the results directory, or null. */
    private static Path report(Path results, String simulation) throws IOException {
        try (Stream<Path> dirs = Files.list(results)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(simulation + "-"))
                    .filter(d -> Files.isRegularFile(d.resolve("index.html")))
                    .max(Path::compareTo).map(d -> d.resolve("index.html")).orElse(null);
        }
    }

    /** Request name to its statistics, from the table of Gatling's index.html. */
    static Map<String, Row> read(Path indexHtml) throws IOException {
        String html = Files.readString(indexHtml);
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String tr : html.split("<tr ")) {
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
            rows.put(unescape(name.group(1).trim()), new Row(number(cells.get(2)), number(cells.get(3)),
                    number(cells.get(4)), number(cells.get(8)), number(cells.get(10)), number(cells.get(11))));
        }
        return rows;
    }

    private static long number(String cell) {
        return cell == null || cell.equals("-") ? 0 : Math.round(Double.parseDouble(cell.replace(",", "")));
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
