package io.urop.bench.menu;

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
 * {@code java -cp bench/menu/target/test-classes -Dbench.*=... io.urop.bench.menu.Report <results dir>}.
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
        System.out.printf("urop public menu benchmark, %s, %d cores%n",
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                Runtime.getRuntime().availableProcessors());
        System.out.println("""
                Caveat: the load generator (Gatling), the fleet (~10 JVMs) and PostgreSQL, Kafka and Redis share these
                cores, so the numbers are what this machine does with all of them at once, not what a service does on
                its own hardware. Compare runs on the same machine; do not read them as production capacity.""");
        System.out.printf("%nGET /api/v1/public/locations/{locationId}/menu (no token): a published menu of %s items,"
                + " %s bytes of JSON%n", BenchConfig.string("menuItems", "?"), BenchConfig.string("menuBytes", "?"));
        List<Path> warm = reports(results, "warmreadsimulation");
        if (!warm.isEmpty()) {
            printWarm(read(warm));
            printErrors(warm);
        }
        List<Path> cold = reports(results, "coldreadsimulation");
        if (!cold.isEmpty()) {
            printCold(read(cold));
            printErrors(cold);
        }
        List<Path> saturation = reports(results, "saturationsimulation");
        if (!saturation.isEmpty()) {
            printSaturation(read(saturation));
            printErrors(saturation);
        }
        System.out.println("\nGatling reports: " + results.toAbsolutePath());
    }

    private static void printWarm(Map<String, Row> rows) {
        double rate = BenchConfig.number("rate", 300);
        int duration = BenchConfig.seconds("duration", 60);
        long target = (long) BenchConfig.number("targetP95Ms", 50);
        System.out.printf("%n1. Warm cache: %s req/s for %d s per path after a %d s warm-up (ramping up to that rate), open"
                + "%n   model; gateway first, then straight to menu-service's own port. Target: p95 under %d ms%n%n",
                BenchConfig.rate(rate), duration, BenchConfig.seconds("warmup", 30), target);
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
        header("cache");
        Row cold = rows.get("cold");
        Row warm = rows.get("warm");
        line("cold (miss)", cold, duration);
        line("warm (hit)", warm, duration);
        if (cold != null && warm != null) {
            System.out.printf("   %-18s %7s %6s %+8d %+8d %+8d%n", "cold - warm", "", "", cold.p50() - warm.p50(),
                    cold.p95() - warm.p95(), cold.p99() - warm.p99());
        }
    }

    private static void printSaturation(Map<String, Row> rows) {
        List<Double> steps = BenchConfig.rates("saturation.steps", SaturationSimulation.STEPS);
        int duration = BenchConfig.seconds("saturation.stepDuration", 15);
        long p95Limit = (long) BenchConfig.number("saturation.p95LimitMs", 100);
        System.out.printf("%n3. Saturation: increasing arrival rates, %d s per step (open model), through the gateway and"
                + "%n   from a bare Reactor Netty server serving the same bytes from memory. Sustained: 0 KO and p95 under"
                + " %d ms;%n   each target stops after its first step that is not sustained%n%n", duration, p95Limit);
        header("step");
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
                line(step, row, duration);
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

    /** Gatling's errors tables: why requests were KO (all phases, warm-ups included). */
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
