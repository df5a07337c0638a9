package io.urop.bench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The statistics of Gatling's reports of one run. Gatling 3.15 writes no {@code stats.json} any more; its per-request
 * statistics are the table of each report's {@code index.html} (columns: total, OK, KO, % KO, count/s, min, p50, p75,
 * p95, p99, max, mean, std dev; the percentiles are over all responses, OK and KO).
 */
public final class GatlingReports {

    /** One row of Gatling's statistics table: a request name's responses. */
    public record Row(long count, long ok, long ko, long p50, long p95, long p99) {
    }

    private static final Pattern ROW_NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)<");
    private static final Pattern CELL = Pattern.compile("class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");
    private static final Pattern ERROR = Pattern.compile(
            "error-col-1 total ko\">([^<]*)<(?s:.*?)error-col-2 total ko\">([^<]*)</td>");

    private GatlingReports() {
    }

    /** Every report of that simulation (its class name in lower case) under the results directory, oldest first. */
    public static List<Path> of(Path results, String simulation) throws IOException {
        try (Stream<Path> dirs = Files.list(results)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(simulation + "-"))
                    .map(d -> d.resolve("index.html")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Request name to its statistics (a later report wins). */
    public static Map<String, Row> read(List<Path> reports) throws IOException {
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

    /**
     * Prints one simulation's part of the table with {@code print}, then why its requests were KO, if the run has a
     * report of it.
     */
    public static void printSection(Path results, String simulation, Consumer<Map<String, Row>> print)
            throws IOException {
        List<Path> reports = of(results, simulation);
        if (!reports.isEmpty()) {
            print.accept(read(reports));
            printErrors(reports);
        }
    }

    /** Prints Gatling's errors tables: why requests were KO (all phases, warm-ups included). */
    public static void printErrors(List<Path> reports) throws IOException {
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

    private static long number(String cell) {
        return cell == null || cell.equals("-") ? 0 : Math.round(Double.parseDouble(cell.replace(",", "")));
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
