package io.urop.notification.push;

/** Redis stream ids as sequence numbers: {@code <milliseconds>-<n>}, ordered by both parts. */
public final class StreamSeqs {

    public static final String ZERO = "0-0";

    private StreamSeqs() {
    }

    /** Whether {@code seq} is a sequence number (parts below 10^18: any a stream gives, and never beyond a long). */
    public static boolean valid(String seq) {
        return seq != null && seq.matches("[0-9]{1,18}-[0-9]{1,18}");
    }

    public static int compare(String a, String b) {
        long[] x = parts(a);
        long[] y = parts(b);
        int byTime = Long.compareUnsigned(x[0], y[0]);
        return byTime != 0 ? byTime : Long.compareUnsigned(x[1], y[1]);
    }

    /** The least sequence number after {@code seq}. */
    public static String next(String seq) {
        long[] parts = parts(seq);
        return parts[0] + "-" + Long.toUnsignedString(parts[1] + 1);
    }

    private static long[] parts(String seq) {
        int dash = seq.indexOf('-');
        return new long[] {Long.parseUnsignedLong(seq.substring(0, dash)),
            Long.parseUnsignedLong(seq.substring(dash + 1))};
    }
}
