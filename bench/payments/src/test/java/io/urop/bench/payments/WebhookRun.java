package io.urop.bench.payments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.urop.bench.common.BenchConfig;

/**
 * Stripe's webhooks to the kitchen: pays {@code webhooks} (default 500) of the checkout sessions the checkout phase
 * opened, the last ones it opened, through the Stripe emulator's control API
 * ({@code POST /_emulator/checkout/sessions/{id}/pay} with {@code card=4242424242424242}), from {@code payClients}
 * threads (default 4) as fast as they go. Each payment makes the emulator send {@code payment_intent.created},
 * {@code charge.succeeded}, {@code payment_intent.succeeded} and {@code checkout.session.completed}, signed, to the
 * gateway's {@code /webhooks/stripe}; payment-service verifies each, reads the session back from Stripe and writes
 * {@code payment.succeeded}; order-service fires the order to the kitchen ({@code ticket.fired} on
 * {@code order.events}).
 *
 * <p>Then it waits until the emulator lists a successful delivery of {@code checkout.session.completed} for every
 * payment ({@code GET /_emulator/webhook_deliveries}: event type, status and {@code at}, the moment the receiver
 * answered), and reads {@code payment.events} and {@code order.events} from the beginning (no consumer group) until
 * every paid order was fired, then {@code settleSeconds} (default 10) more for any second firing. What it measures:
 * <ul>
 *   <li>throughput: successful deliveries of {@code checkout.session.completed} (and of every event type) over the
 *       time from the first payment to the last of them;</li>
 *   <li>per order, from its payment at the emulator (the control call answered: the session is paid and its events are
 *       queued for delivery) to its {@code ticket.fired} ({@code occurredAt}); and from its {@code payment.succeeded}
 *       ({@code occurredAt}, written while payment-service handles the session's {@code checkout.session.completed},
 *       just before that delivery is answered) to its {@code ticket.fired}: the control API lists no session per
 *       delivery, so {@code payment.succeeded} stands for the delivery of each order;</li>
 *   <li>every paid order fired, none twice, none fired unpaid.</li>
 * </ul>
 *
 * <p>Writes {@code payments.csv} (each payment), {@code deliveries.json} (the emulator's deliveries since the first
 * payment), {@code orders.csv} (each paid order's times) and {@code webhooks.properties} (what the table prints)
 * to the results folder. Settings ({@code -Dbench.*}): {@code stripe} (the emulator's base URL), {@code kafka}
 * (bootstrap servers), {@code checkoutsFile}, {@code resultsFolder}, {@code webhooks}, {@code payClients},
 * {@code webhookTimeout} (seconds to wait for deliveries and firings, default 300), {@code settleSeconds}.
 */
public final class WebhookRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CARD = "4242424242424242";

    /** A session paid: when the control call was sent and answered, and what it answered. */
    record Paid(String orderId, String sessionId, Instant start, Instant end, int status, String outcome) {
    }

    private WebhookRun() {
    }

    public static void main(String[] args) throws Exception {
        String stripe = BenchConfig.required("stripe");
        String kafka = BenchConfig.required("kafka");
        Path results = Path.of(BenchConfig.required("resultsFolder"));
        int wanted = BenchConfig.seconds("webhooks", 500);
        int clients = BenchConfig.seconds("payClients", 4);
        Duration timeout = Duration.ofSeconds(BenchConfig.seconds("webhookTimeout", 300));
        Duration settle = Duration.ofSeconds(BenchConfig.seconds("settleSeconds", 10));

        // every order the checkout phase placed, and the sessions it opened, the last ones last
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(BenchConfig.required("checkoutsFile")))) {
            if (!line.startsWith("phase,") && !line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        Set<String> benchOrders = new HashSet<>();
        List<String[]> opened = new ArrayList<>();
        for (String[] row : rows) {
            benchOrders.add(row[1]);
            if (row.length > 5 && !row[5].isEmpty()) {
                opened.add(row);
            }
        }
        List<String[]> chosen = opened.subList(Math.max(0, opened.size() - wanted), opened.size());
        Properties out = new Properties();
        out.setProperty("wanted", Integer.toString(wanted));
        out.setProperty("opened", Integer.toString(opened.size()));
        out.setProperty("chosen", Integer.toString(chosen.size()));
        out.setProperty("clients", Integer.toString(clients));
        if (chosen.isEmpty()) {
            out.setProperty("failure", "the checkout phase opened no checkout session to pay");
            write(results, out);
            System.out.println("No checkout session to pay");
            return;
        }

        // pay them all, a few clients at once
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Paid> paid = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        System.out.printf("paying %d checkout sessions through %s with %d clients%n", chosen.size(), stripe, clients);
        Instant firstPay = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < chosen.size()) {
                    String[] row = chosen.get(i);
                    String url = row[5];
                    String session = url.substring(url.lastIndexOf('/') + 1);
                    paid.add(pay(http, stripe, row[1], session));
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(timeout.toSeconds(), TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        Instant lastPay = paid.stream().map(Paid::end).max(Instant::compareTo).orElse(firstPay);
        StringBuilder payments = new StringBuilder("orderId,sessionId,start,end,status,outcome\n");
        Map<String, Paid> paidOrders = new LinkedHashMap<>();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (Paid p : paid) {
            payments.append(String.join(",", p.orderId(), p.sessionId(), p.start().toString(), p.end().toString(),
                    Integer.toString(p.status()), p.outcome())).append('\n');
            outcomes.merge(p.outcome(), 1, Integer::sum);
            if ("succeeded".equals(p.outcome())) {
                paidOrders.put(p.orderId(), p);
            }
        }
        Files.writeString(results.resolve("payments.csv"), payments.toString(), StandardCharsets.UTF_8);
        double paySeconds = seconds(firstPay, lastPay);
        out.setProperty("paid", Integer.toString(paidOrders.size()));
        out.setProperty("payOutcomes", outcomes.toString());
        out.setProperty("paySeconds", format(paySeconds));
        out.setProperty("payRate", format(paidOrders.size() / Math.max(paySeconds, 1e-3)));
        System.out.printf("paid %d of %d in %.1f s (%s)%n", paidOrders.size(), chosen.size(), paySeconds, outcomes);

        // the emulator's deliveries since the first payment, until every payment's checkout.session.completed is in
        Instant deadline = Instant.now().plus(timeout);
        List<JsonNode> deliveries;
        while (true) {
            deliveries = deliveriesSince(http, stripe, firstPay);
            long completed = deliveries.stream().filter(d -> completed(d) && succeeded(d)).count();
            if (completed >= paidOrders.size() || Instant.now().isAfter(deadline)) {
                break;
            }
            Thread.sleep(1000);
        }
        Thread.sleep(settle.toMillis());
        deliveries = deliveriesSince(http, stripe, firstPay);
        Files.writeString(results.resolve("deliveries.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(deliveries), StandardCharsets.UTF_8);
        deliveryFigures(deliveries, firstPay, out);

        // payment.succeeded and ticket.fired of the bench's orders, from the beginning of both topics
        Map<String, List<Instant>> succeeded = new HashMap<>();
        Map<String, List<JsonNode>> fired = new HashMap<>();
        readKafka(kafka, benchOrders, paidOrders.keySet(), succeeded, fired, deadline, settle);
        orderFigures(paidOrders, benchOrders, succeeded, fired, results, out);
        write(results, out);
        out.forEach((key, value) -> System.out.println(key + " = " + value));
    }

    private static Paid pay(HttpClient http, String stripe, String orderId, String session) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stripe + "/_emulator/checkout/sessions/" + session + "/pay"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("card=" + CARD)).build();
        Instant start = Instant.now();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Instant end = Instant.now();
            String outcome = response.statusCode() == 200
                    ? JSON.readTree(response.body()).path("outcome").asText("?")
                    : "http " + response.statusCode();
            return new Paid(orderId, session, start, end, response.statusCode(), outcome);
        }
        catch (IOException e) {
            return new Paid(orderId, session, start, Instant.now(), 0, "no answer");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Paid(orderId, session, start, Instant.now(), 0, "interrupted");
        }
    }

    private static List<JsonNode> deliveriesSince(HttpClient http, String stripe, Instant since) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stripe + "/_emulator/webhook_deliveries"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /_emulator/webhook_deliveries answered " + response.statusCode());
        }
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode delivery : JSON.readTree(response.body())) {
            if (!Instant.parse(delivery.path("at").asText()).isBefore(since)) {
                list.add(delivery);
            }
        }
        return list;
    }

    private static boolean completed(JsonNode delivery) {
        return "checkout.session.completed".equals(delivery.path("event_type").asText());
    }

    private static boolean succeeded(JsonNode delivery) {
        int status = delivery.path("status").asInt();
        return status >= 200 && status < 300;
    }

    private static void deliveryFigures(List<JsonNode> deliveries, Instant firstPay, Properties out) {
        Instant lastCompleted = firstPay;
        Instant lastAny = firstPay;
        long completedOk = 0;
        long anyOk = 0;
        Map<String, Integer> failed = new LinkedHashMap<>();
        Set<String> completedEvents = new HashSet<>();
        for (JsonNode delivery : deliveries) {
            Instant at = Instant.parse(delivery.path("at").asText());
            if (succeeded(delivery)) {
                anyOk++;
                lastAny = at.isAfter(lastAny) ? at : lastAny;
                if (completed(delivery)) {
                    completedOk++;
                    completedEvents.add(delivery.path("event_id").asText());
                    lastCompleted = at.isAfter(lastCompleted) ? at : lastCompleted;
                }
            }
            else {
                failed.merge(delivery.path("event_type").asText() + " " + delivery.path("status").asInt(), 1,
                        Integer::sum);
            }
        }
        double completedSeconds = seconds(firstPay, lastCompleted);
        double anySeconds = seconds(firstPay, lastAny);
        out.setProperty("deliveries", Integer.toString(deliveries.size()));
        out.setProperty("completedDelivered", Long.toString(completedOk));
        out.setProperty("completedEvents", Integer.toString(completedEvents.size()));
        out.setProperty("completedSeconds", format(completedSeconds));
        out.setProperty("completedPerSecond", format(completedOk / Math.max(completedSeconds, 1e-3)));
        out.setProperty("eventsDelivered", Long.toString(anyOk));
        out.setProperty("eventsSeconds", format(anySeconds));
        out.setProperty("eventsPerSecond", format(anyOk / Math.max(anySeconds, 1e-3)));
        out.setProperty("failedDeliveries", failed.isEmpty() ? "none" : failed.toString());
    }

    /**
     * Reads both topics from their beginning until every paid order has a {@code ticket.fired} (or the deadline), then
     * for {@code settle} more: a second firing shows up there.
     */
    private static void readKafka(String bootstrap, Set<String> benchOrders, Set<String> paidOrders,
            Map<String, List<Instant>> succeeded, Map<String, List<JsonNode>> fired, Instant deadline, Duration settle) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.CLIENT_ID_CONFIG, "bench-payments",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        Set<String> seenEvents = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("payment.events", "order.events")) {
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant settled = null;
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode envelope;
                    try {
                        envelope = JSON.readTree(record.value());
                    }
                    catch (IOException e) {
                        continue;
                    }
                    String type = envelope.path("type").asText();
                    JsonNode payload = envelope.path("payload");
                    String orderId = payload.path("orderId").asText("");
                    if (!benchOrders.contains(orderId)) {
                        continue;
                    }
                    // the outbox may send an event twice: each event once
                    if (!seenEvents.add(envelope.path("eventId").asText())) {
                        continue;
                    }
                    if (type.equals("payment.succeeded")) {
                        succeeded.computeIfAbsent(orderId, id -> new ArrayList<>()).add(instant(envelope.path("occurredAt")));
                    }
                    else if (type.equals("ticket.fired")) {
                        fired.computeIfAbsent(orderId, id -> new ArrayList<>()).add(envelope);
                    }
                }
                Instant now = Instant.now();
                if (settled == null && (fired.keySet().containsAll(paidOrders) || now.isAfter(deadline))) {
                    settled = now.plus(settle);
                }
                if (settled != null && now.isAfter(settled)) {
                    return;
                }
            }
        }
    }

    private static void orderFigures(Map<String, Paid> paidOrders, Set<String> benchOrders,
            Map<String, List<Instant>> succeeded, Map<String, List<JsonNode>> fired, Path results, Properties out)
            throws IOException {
        List<Double> paidToFired = new ArrayList<>();
        List<Double> succeededToFired = new ArrayList<>();
        List<Double> paidToSucceeded = new ArrayList<>();
        int firedOnce = 0;
        int firedTwice = 0;
        int neverFired = 0;
        int paidTwice = 0;
        int neverSucceeded = 0;
        StringBuilder csv = new StringBuilder("orderId,paidAt,paymentSucceededAt,firedAt,firings\n");
        for (Paid paid : paidOrders.values()) {
            List<JsonNode> firings = fired.getOrDefault(paid.orderId(), List.of());
            List<Instant> successes = succeeded.getOrDefault(paid.orderId(), List.of());
            Instant firedAt = firings.stream().map(f -> instant(f.path("occurredAt"))).min(Instant::compareTo)
                    .orElse(null);
            Instant succeededAt = successes.stream().min(Instant::compareTo).orElse(null);
            if (firings.isEmpty()) {
                neverFired++;
            }
            else if (firings.size() == 1) {
                firedOnce++;
            }
            else {
                firedTwice++;
            }
            if (successes.isEmpty()) {
                neverSucceeded++;
            }
            else if (successes.size() > 1) {
                paidTwice++;
            }
            if (firedAt != null) {
                paidToFired.add(millis(paid.end(), firedAt));
                if (succeededAt != null) {
                    succeededToFired.add(millis(succeededAt, firedAt));
                }
            }
            if (succeededAt != null) {
                paidToSucceeded.add(millis(paid.end(), succeededAt));
            }
            csv.append(String.join(",", paid.orderId(), paid.end().toString(), String.valueOf(succeededAt),
                    String.valueOf(firedAt), Integer.toString(firings.size()))).append('\n');
        }
        Files.writeString(results.resolve("orders.csv"), csv.toString(), StandardCharsets.UTF_8);
        int firedUnpaid = 0;
        for (String order : fired.keySet()) {
            if (!paidOrders.containsKey(order) && benchOrders.contains(order)) {
                firedUnpaid++;
            }
        }
        out.setProperty("firedOnce", Integer.toString(firedOnce));
        out.setProperty("firedTwice", Integer.toString(firedTwice));
        out.setProperty("neverFired", Integer.toString(neverFired));
        out.setProperty("firedUnpaid", Integer.toString(firedUnpaid));
        out.setProperty("paymentSucceededTwice", Integer.toString(paidTwice));
        out.setProperty("paymentNeverSucceeded", Integer.toString(neverSucceeded));
        percentiles("paidToFired", paidToFired, out);
        percentiles("succeededToFired", succeededToFired, out);
        percentiles("paidToSucceeded", paidToSucceeded, out);
    }

    private static void percentiles(String name, List<Double> millis, Properties out) {
        Collections.sort(millis);
        out.setProperty(name + ".count", Integer.toString(millis.size()));
        if (millis.isEmpty()) {
            return;
        }
        out.setProperty(name + ".p50", format(nearestRank(millis, 50)));
        out.setProperty(name + ".p95", format(nearestRank(millis, 95)));
        out.setProperty(name + ".p99", format(nearestRank(millis, 99)));
        out.setProperty(name + ".max", format(millis.get(millis.size() - 1)));
        out.setProperty(name + ".mean", format(millis.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
    }

    /** The smallest value with at least p % of the values at or below it. */
    private static double nearestRank(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** An ISO-8601 instant, or seconds since the epoch with a fraction (both are how an Instant may be written). */
    static Instant instant(JsonNode value) {
        if (value.isNumber()) {
            return Instant.ofEpochSecond(0).plusNanos(value.decimalValue().movePointRight(9).longValue());
        }
        return Instant.parse(value.asText());
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static void write(Path results, Properties out) throws IOException {
        try (var writer = Files.newBufferedWriter(results.resolve("webhooks.properties"))) {
            out.store(writer, "bench/payments: the webhook phase");
        }
    }
}
