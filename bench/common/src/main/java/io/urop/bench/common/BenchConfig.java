package io.urop.bench.common;

import java.util.Arrays;
import java.util.List;

/** A benchmark's settings: a system property {@code bench.x}, else the given default. Each run.sh sets them. */
public final class BenchConfig {

    private BenchConfig() {
    }

    public static String string(String name, String defaultValue) {
        String value = System.getProperty("bench." + name);
        if (value == null || value.isBlank()) {
            if (defaultValue == null) {
                throw new IllegalStateException("Set -Dbench." + name + " (the benchmark's run.sh does)");
            }
            return defaultValue;
        }
        return value.trim();
    }

    public static String required(String name) {
        return string(name, null);
    }

    public static double number(String name, double defaultValue) {
        return Double.parseDouble(string(name, Double.toString(defaultValue)));
    }

    public static int seconds(String name, int defaultValue) {
        return Integer.parseInt(string(name, Integer.toString(defaultValue)));
    }

    /** A comma-separated list of rates, e.g. {@code 5,10,20,40}. */
    public static List<Double> rates(String name, String defaultValue) {
        return Arrays.stream(string(name, defaultValue).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Double::parseDouble).toList();
    }

    /** {@code 5.0} as {@code 5}, {@code 2.5} as {@code 2.5}: for request names. */
    public static String rate(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
