package io.urop.bench.qr;

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
 * Prints the benchmark's table from the Gatling report of one run:
 * {@code java -cp bench/qr/target/test-classes -Dbench.*=... io.urop.bench.qr.Report <results dir>}.
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
        System.out.printf("urop table scan benchmark, %s, %d cores%n",
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                Runtime.getRuntime().availableProcessors());
        System.out.println("""
                Caveat: the load generator (Gatling), the fleet (~10 JVMs) and PostgreSQL, Kafka and Redis share these
                cores, so the numbers are what this machine does with all of them at once, not what a service does on
                its own hardware. Compare runs on the same machine; do not read them as production capacity.""");
        List<Path> scans = reports(results, "scansimulation");
        if (scans.isEmpty()) {
            System.out.println("\nNo Gatling report under " + results.toAbsolutePath());
            return;
        }
        printScans(read(scans));
        printErrors(scans);
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
        header("path");
        Row gateway = rows.get("gateway");
        Row direct = rows.get("direct");
        line("gateway", gateway, duration);
        line("direct", direct, duration);
        if (gateway != null && direct != null) {
            System.out.printf("   %-18s %7s %6s %+8d %+8d %+8d%n", "gateway - direct", "", "",
                    gateway.p50() - direct.p50(), gateway.p95() - direct.p95(), gateway.p99() - direct.p99());
        }
        if (gateway != null) {
            System.out.printf("%n   Target p95 < %d ms through the gateway: %s%n", target,
                    gateway.ko() == 0 && gateway.p95() < target ? "met" : "NOT met"
                            + (gateway.ko() > 0 ? " (" + gateway.ko() + " KO)" : ""));
        }
    }

    /** Gatling's errors table: why requests were KO (all phases, warm-ups included). */
    private static void printErrors(List<Path> reports) throws IOException {
        boolean first = true;
        for (Path indexHtml : reports) {
            Matcher error = ERROR.matcher(Files.readString(indexHtml));
            while (error.find()) {
                System.out.printf(first ? "%n   KO causes: %s x %s%n" : "              %s x %s%n",
                        unescape(error.group(1).trim()), error.group(2).trim());
                first = false;
            }
        }
    }

    private static void header(String first) {
        System.out.printf("   %-18s %7s %6s %8s %8s %8s %8s %8s%n", first, "count", "KO", "p50 ms", "p95 ms", "p99 ms",
                "req/s", "ok/s");
    }

    private static void line(String name, Row row, int duration) {
        if (row == null) {
            System.out.printf("   %-18s (no result)%n", name);
            return;
        }
        System.out.printf("   %-18s %7d %6d %8d %8d %8d %8.1f %8.1f%n", name, row.count(), row.ko(), row.p50(), row.p95(),
                row.p99(), (double) row.count() / duration, (double) row.ok() / duration);
    }

    /** Every report of that simulation under the results directory, oldest first. */
    private static List<Path> reports(Path results, String simulation) throws IOException {
        try (Stream<Path> dirs = Files.list(results)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(simulation + "-"))
                    .map(d -> d.resolve("index.html")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Request name to its statistics, from the tables of Gatling's index.html files (a later one wins). */
    static Map<String, Row> read(List<Path> reports) throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
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
                rows.put(unescape(name.group(1).trim()), new Row(number(cells.get(2)), number(cells.get(3)),
                        number(cells.get(4)), number(cells.get(8)), number(cells.get(10)), number(cells.get(11))));
            }
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
