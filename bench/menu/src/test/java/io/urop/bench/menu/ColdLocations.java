package io.urop.bench.menu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The extra locations the cold phase reads, one per request: how many run.sh opens, and the file it lists them in
 * (one location id a line). Plain Java, no Gatling, so that run.sh can ask for the number with
 * {@code java -cp bench/menu/target/test-classes io.urop.bench.menu.ColdLocations <rate> <warm-up s> <duration s>}
 * before it seeds, and {@link ColdReadSimulation} splits the file with the very same arithmetic.
 */
public final class ColdLocations {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private ColdLocations() {
    }

    /** Enough for the arrivals of {@code constantUsersPerSec(rate).during(seconds)}, with a margin. */
    static int needed(double rate, int seconds) {
        if (!(rate > 0) || seconds <= 0) {
            throw new IllegalArgumentException("The cold rate and durations must be positive");
        }
        return (int) Math.ceil(rate * seconds) + (int) Math.ceil(rate) + 10;
    }

    /** The cold warm-up's and the measured cold phase's locations (the warm phase reads the latter again). */
    static int needed(double rate, int warmup, int duration) {
        return needed(rate, warmup) + needed(rate, duration);
    }

    /** The location ids in the file, in order; each must be a distinct UUID. */
    static List<String> read(Path file) {
        List<String> ids;
        try {
            ids = Files.readAllLines(file).stream().map(String::trim).filter(line -> !line.isEmpty())
                    .map(id -> id.toLowerCase(Locale.ROOT)).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String id : ids) {
            if (!UUID.matcher(id).matches()) {
                throw new IllegalStateException("Not a location id in " + file + ": " + id);
            }
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new IllegalStateException("A location is listed twice in " + file + ": every cold read must be a first");
        }
        return ids;
    }

    /** Prints how many locations run.sh must open: {@code <rate> <warm-up seconds> <duration seconds>}. */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: ColdLocations <cold rate (req/s)> <cold warm-up (s)> <cold duration (s)>");
            System.exit(2);
        }
        System.out.println(needed(Double.parseDouble(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2])));
    }
}
