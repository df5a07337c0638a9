package io.urop.bench.qr;

/** The benchmark's settings: a system property {@code bench.x}, else the given default. run.sh sets them. */
final class BenchConfig {

    private BenchConfig() {
    }

    static String string(String name, String defaultValue) {
        String value = System.getProperty("bench." + name);
        if (value == null || value.isBlank()) {
            if (defaultValue == null) {
                throw new IllegalStateException("Set -Dbench." + name + " (bench/qr/run.sh does)");
            }
            return defaultValue;
        }
        return value.trim();
    }

    static String required(String name) {
        return string(name, null);
    }

    static double number(String name, double defaultValue) {
        return Double.parseDouble(string(name, Double.toString(defaultValue)));
    }

    static int seconds(String name, int defaultValue) {
        return Integer.parseInt(string(name, Integer.toString(defaultValue)));
    }

    /** {@code 5.0} as {@code 5}, {@code 2.5} as {@code 2.5}: for request names. */
    static String rate(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
