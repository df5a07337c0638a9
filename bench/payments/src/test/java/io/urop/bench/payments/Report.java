package io.urop.bench.payments;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.urop.bench.common.BenchConfig;
import io.urop.bench.common.GatlingReports;
import io.urop.bench.common.GatlingReports.Row;
import io.urop.bench.common.ReportTable;

/**
 * Prints the benchmark's table from one run's results folder:
 * {@code java -cp <test classpath> -Dbench.*=... io.urop.bench.payments.Report <results dir>}. Part 1 from the Gatling
 * report of {@link CheckoutSimulation} and its {@code checkouts.csv}, part 2 from {@link WebhookRun}'s
 * {@code webhooks.properties}. Exits 1 when a check failed (an order not fired, or fired twice or unpaid).
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        ReportTable.title("payments");
        GatlingReports.printSection(results, "checkoutsimulation", rows -> checkouts(results, rows));
        boolean ok = webhooks(results);
        System.out.println("\nGatling reports and raw data: " + results.toAbsolutePath());
        if (!ok) {
            System.exit(1);
        }
    }

    private static void checkouts(Path results, Map<String, Row> rows) {
        double rate = BenchConfig.number("rate", 50);
        int duration = BenchConfig.seconds("duration", 60);
        System.out.printf("%n1. Checkout creation: POST /api/v1/payments/orders/{orderId}/checkout {\"tipPercent\": %s} as the"
                + "%n   diner who placed the order (its DINER token from scanning one of %s tables), %d ms after"
                + "%n   POST /api/v1/orders answered 201 PENDING_PAYMENT, PAY_FIRST (one line: %s). payment-service"
                + "%n   opens a Checkout Session on the restaurant's Stripe account (the emulator) and answers 200 with"
                + "%n   its url. %s checkouts/s for %d s per path after a %d s warm-up (ramping up to that rate), open"
                + "%n   model; both paths warmed up first, then the gateway measured, then direct (the order straight to"
                + "%n   order-service, the checkout straight to payment-service). `checkout` is the first attempt"
                + "%n   (a 404, payment-service not knowing the order yet, is KO); later attempts are `retry`.%n%n",
                BenchConfig.string("tipPercent", "10"), BenchConfig.string("tables", "?"),
                BenchConfig.seconds("payAfterMs", 1000), BenchConfig.string("cartItem", "?"), BenchConfig.rate(rate),
                duration, BenchConfig.seconds("warmup", 90));
        ReportTable.header("request");
        for (String phase : List.of("gateway", "direct")) {
            ReportTable.line(phase + " checkout", rows.get(phase + " checkout"), duration);
        }
        Row gateway = rows.get("gateway checkout");
        Row direct = rows.get("direct checkout");
        ReportTable.difference("gateway - direct", gateway, direct);
        if (gateway != null && direct != null) {
            System.out.printf("   %-18s %7s %6s %8s %8s %8s%n", "gateway / direct", "", "", ratio(gateway.p50(), direct.p50()),
                    ratio(gateway.p95(), direct.p95()), ratio(gateway.p99(), direct.p99()));
        }
        System.out.println();
        for (String phase : List.of("gateway", "direct")) {
            ReportTable.line(phase + " order", rows.get(phase + " order"), duration);
        }
        for (String phase : List.of("gateway", "direct")) {
            Row retry = rows.get(phase + " checkout retry");
            if (retry != null) {
                ReportTable.line(phase + " retry", retry, duration);
            }
        }
        try {
            attempts(results);
        }
        catch (IOException e) {
            System.out.println("   (no checkouts.csv: " + e.getMessage() + ")");
        }
        System.out.println("\n   No target was set for the checkout: p50/p95/p99 are reported as measured. The KO causes below"
                + "\n   count every phase, warm-ups included (see the warm-up lines above).");
    }

    /**
     * Per phase (warm-ups too): orders placed, first attempts answered 404, retries, checkouts opened in the end, and
     * what the others ended with (0: no answer in time).
     */
    private static void attempts(Path results) throws IOException {
        List<String> lines = Files.readAllLines(results.resolve("checkouts.csv"));
        System.out.println();
        for (String phase : List.of("gateway", "direct", "warm-up gateway", "warm-up direct")) {
            long orders = 0;
            long first404 = 0;
            long retries = 0;
            long opened = 0;
            Map<String, Integer> notOpened = new java.util.TreeMap<>();
            for (String line : lines) {
                String[] cells = line.split(",", -1);
                if (!cells[0].equals(phase)) {
                    continue;
                }
                orders++;
                first404 += cells[2].equals("404") ? 1 : 0;
                retries += Long.parseLong(cells[3]) - 1;
                opened += cells[5].isEmpty() ? 0 : 1;
                if (cells[5].isEmpty()) {
                    notOpened.merge(cells[4], 1, Integer::sum);
                }
            }
            System.out.printf("   %-15s %5d orders PAY_FIRST, first checkout 404 for %d (%.2f %%), %d retries, %d"
                    + " checkouts opened%s%n", phase, orders, first404, orders == 0 ? 0.0 : 100.0 * first404 / orders,
                    retries, opened, notOpened.isEmpty() ? "" : ", the others' last answer " + notOpened);
        }
    }

    private static boolean webhooks(Path results) throws IOException {
        Path file = results.resolve("webhooks.properties");
        if (!Files.isRegularFile(file)) {
            System.out.println("\n2. Webhooks to the kitchen: not run (no webhooks.properties)");
            return !BenchConfig.string("scenarios", "checkout,webhooks").contains("webhooks");
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        }
        System.out.printf("%n2. Webhooks to the kitchen: %s of the %s checkout sessions opened above (the last ones) paid"
                + "%n   through the emulator's control API (card 4242 4242 4242 4242) by %s clients at once; each payment"
                + "%n   sends 4 signed events to the gateway's /webhooks/stripe (payment_intent.created, charge.succeeded,"
                + "%n   payment_intent.succeeded, checkout.session.completed; the emulator delivers on 4 threads):"
                + "%n   payment-service verifies each, reads the session back and writes payment.succeeded, order-service"
                + "%n   fires the order (ticket.fired on order.events, read from Kafka).%n%n",
                p.getProperty("chosen", "?"), p.getProperty("opened", "?"), p.getProperty("clients", "?"));
        if (p.containsKey("failure")) {
            System.out.println("   FAILED: " + p.getProperty("failure"));
            return false;
        }
        System.out.printf("   paid              %s in %s s (%s/s; outcomes %s)%n", p.getProperty("paid"),
                p.getProperty("paySeconds"), p.getProperty("payRate"), p.getProperty("payOutcomes"));
        System.out.printf("   delivered         checkout.session.completed: %s OK in %s s from the first payment ="
                + " %s events/s%n", p.getProperty("completedDelivered"), p.getProperty("completedSeconds"),
                p.getProperty("completedPerSecond"));
        System.out.printf("                     all event types: %s OK in %s s = %s events/s; not 2xx: %s%n",
                p.getProperty("eventsDelivered"), p.getProperty("eventsSeconds"), p.getProperty("eventsPerSecond"),
                p.getProperty("failedDeliveries"));
        System.out.printf("%n   %-34s %7s %8s %8s %8s %8s %8s%n", "per paid order", "count", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "mean ms");
        interval(p, "paid -> ticket.fired", "paidToFired");
        interval(p, "payment.succeeded -> ticket.fired", "succeededToFired");
        interval(p, "paid -> payment.succeeded", "paidToSucceeded");
        int paid = number(p, "paid");
        int once = number(p, "firedOnce");
        int twice = number(p, "firedTwice");
        int never = number(p, "neverFired");
        int unpaid = number(p, "firedUnpaid");
        boolean ok = paid > 0 && once == paid && twice == 0 && never == 0 && unpaid == 0;
        System.out.printf("%n   Fired exactly once: %d of %d paid orders; fired twice: %d; never fired: %d; fired unpaid:"
                + " %d; payment.succeeded twice: %s, never: %s  -> %s%n", once, paid, twice, never, unpaid,
                p.getProperty("paymentSucceededTwice"), p.getProperty("paymentNeverSucceeded"), ok ? "OK" : "FAILED");
        return ok;
    }

    private static void interval(Properties p, String label, String key) {
        if (!p.containsKey(key + ".p50")) {
            System.out.printf("   %-34s %7s (none)%n", label, p.getProperty(key + ".count", "0"));
            return;
        }
        System.out.printf("   %-34s %7s %8s %8s %8s %8s %8s%n", label, p.getProperty(key + ".count"),
                p.getProperty(key + ".p50"), p.getProperty(key + ".p95"), p.getProperty(key + ".p99"),
                p.getProperty(key + ".max"), p.getProperty(key + ".mean"));
    }

    private static int number(Properties p, String key) {
        return Integer.parseInt(p.getProperty(key, "0"));
    }

    /** Gatling reports whole milliseconds: a 0 ms direct phase has no ratio. */
    private static String ratio(long gateway, long direct) {
        return direct <= 0 ? "-" : String.format("%.2fx", (double) gateway / direct);
    }
}
