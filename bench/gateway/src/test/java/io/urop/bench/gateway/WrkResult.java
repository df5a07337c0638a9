package io.urop.bench.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one wrk run printed ({@code wrk --latency}): requests per second, the latency percentiles, and the answers that
 * were errors (non-2xx or 3xx, and socket errors: connect, read, write, timeout).
 */
record WrkResult(long requests, double requestsPerSecond, double p50Ms, double p90Ms, double p99Ms, long errors) {

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** Null when the file is missing (the phase did not run). */
    static WrkResult read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String text = Files.readString(file);
        Matcher requests = REQUESTS.matcher(text);
        Matcher rate = RATE.matcher(text);
        if (!requests.find() || !rate.find()) {
            throw new IllegalStateException("no request count or Requests/sec in " + file);
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(text);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(text);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socket.group(group));
            }
        }
        return new WrkResult(Long.parseLong(requests.group(1)), Double.parseDouble(rate.group(1)), percentile(text, "50"), percentile(text, "90"),
                percentile(text, "99"), errors);
    }

    private static double percentile(String text, String percent) {
        Matcher matcher = Pattern.compile("\\n\\s+" + percent + "%\\s+([0-9.]+)(us|ms|s)").matcher(text);
        if (!matcher.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
