package io.urop.bench.realtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urop.bench.common.BenchConfig;

/**
 * Opens {@code bench.sockets} sockets at {@code /ws} (kitchen tablets, {@code bench.kitchenSockets} of them spread over
 * the menu's stations, and diners' phones following their table sessions), then places orders at
 * {@code bench.rate} a second, and measures for each order the time from its 201 to its ticket on each kitchen socket
 * of its station; once through the gateway (its tickets, sockets and orders), then straight to the services (sockets
 * alternating between the notification-service instances, orders to order-service). Counts pushes lost or sent
 * twice. Prints one line per phase and writes them to {@code bench.resultsFolder}/realtime.txt.
 */
public final class SocketRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4)).build();
    private final String owner = BenchConfig.required("owner");
    private final String location = BenchConfig.required("location");
    private final List<String> diners;
    private final String cart;
    private final List<String> stations = Arrays.asList(BenchConfig.string("stations", "kitchen,grill,oven,pastry,bar")
            .split(","));
    private final int sockets = BenchConfig.seconds("sockets", 1000);
    private final int kitchenSockets = BenchConfig.seconds("kitchenSockets", 10);
    private final double rate = BenchConfig.number("rate", 50);
    private final int warmup = BenchConfig.seconds("warmup", 480);
    private final int settle = BenchConfig.seconds("settle", 15);
    private final int duration = BenchConfig.seconds("duration", 60);

    private SocketRun() throws IOException {
        diners = Files.readAllLines(Path.of(BenchConfig.required("diners"))).stream()
                .filter(line -> !line.isBlank() && !"token".equals(line)).toList();
        cart = Files.readString(Path.of(BenchConfig.required("cart")));
    }

    public static void main(String[] args) throws Exception {
        SocketRun run = new SocketRun();
        List<String> instances = Arrays.asList(BenchConfig.required("notificationServices").split(","));
        String gateway = BenchConfig.required("gateway");
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-9s %7s %7s %8s %7s %7s %7s %7s %6s %8s", "path", "sockets", "orders", "pushes",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "lost", "twice"));
        // the fleet's JVMs compile the whole path (C2) before anything is measured
        run.phase("warm-up", i -> gateway, gateway, run.warmup, 0);
        String orderService = BenchConfig.required("orderService");
        SocketBase direct = i -> instances.get(i % instances.size());
        for (String phase : BenchConfig.string("phases", "gateway,direct").split(",")) {
            switch (phase.trim()) {
                case "gateway" -> lines.add(run.phase("gateway", i -> gateway, gateway, run.settle, run.duration));
                case "direct" -> lines.add(run.phase("direct", direct, orderService, run.settle, run.duration));
                // where the time goes: only the sockets through the gateway, or only the orders
                case "sockets" -> lines.add(run.phase("sockets", i -> gateway, orderService, run.settle, run.duration));
                case "orders" -> lines.add(run.phase("orders", direct, gateway, run.settle, run.duration));
                default -> throw new IllegalArgumentException("no phase " + phase);
            }
        }
        String table = String.join("\n", lines) + "\n";
        System.out.print(table);
        Files.writeString(Path.of(BenchConfig.required("resultsFolder"), "realtime.txt"), table);
        System.exit(0);
    }

    /** Where socket {@code i} gets its ticket and opens. */
    private interface SocketBase {
        String of(int socket);
    }

    /**
     * One phase on fresh sockets: orders for {@code unmeasured} seconds (new sockets, new connections), then for
     * {@code measured}; the line of the table, or nothing for a phase that measures nothing.
     */
    private String phase(String name, SocketBase socketBase, String orders, int unmeasured, int measured)
            throws Exception {
        log(name + ": opening " + sockets + " sockets");
        List<Kitchen> kitchen = new ArrayList<>();
        List<Listener> all = new ArrayList<>();
        for (int i = 0; i < sockets; i++) {
            Listener listener;
            String stream;
            String token;
            if (i < kitchenSockets) {
                String station = stations.get(i % stations.size());
                Kitchen tablet = new Kitchen(station);
                kitchen.add(tablet);
                listener = tablet;
                stream = "station:" + location + ":" + station;
                token = owner;
            }
            else {
                token = diners.get(i % diners.size());
                listener = new Listener();
                stream = "session:" + sessionOf(token);
            }
            listener.open(http, socketBase.of(i), token, stream);
            all.add(listener);
        }
        for (Listener listener : all) {
            listener.awaitSubscribed();
        }
        log(name + ": " + all.size() + " sockets subscribed; ordering at " + rate + "/s for " + unmeasured
                + " s, then " + measured + " s measured");

        Map<String, Long> answered = new ConcurrentHashMap<>();
        Set<String> measuredOrders = ConcurrentHashMap.newKeySet();
        List<Long> answerTimes = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(unmeasured);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(measured);
        // a phase that measures nothing warms a cold fleet: its rate climbs from a tenth to the full rate over its
        // first half, so that the JVMs compile the path without a backlog the measured phases would inherit
        long rampNanos = measured == 0 ? (end - start) / 2 : 0;
        double[] credit = {0};
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch done = new CountDownLatch(1);
        ticks.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            if (now >= end) {
                done.countDown();
                return;
            }
            credit[0] += rampNanos == 0 ? 1 : Math.min(1, 0.1 + 0.9 * (now - start) / rampNanos);
            if (credit[0] < 1) {
                return;
            }
            credit[0] -= 1;
            boolean counts = now >= measureFrom;
            String diner = diners.get((int) (sent.getAndIncrement() % diners.size()));
            HttpRequest order = HttpRequest.newBuilder(URI.create(orders + "/api/v1/orders"))
                    .header("Authorization", "Bearer " + diner).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString()).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(cart)).build();
            long sentAt = System.nanoTime();
            http.sendAsync(order, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long at = System.nanoTime();
                if (error != null || response.statusCode() != 201) {
                    String why = error != null ? error.getClass().getSimpleName() : "HTTP " + response.statusCode();
                    failed.computeIfAbsent(why, key -> new AtomicInteger()).incrementAndGet();
                    return;
                }
                String id = idOf(response.body());
                answered.put(id, at);
                if (counts) {
                    measuredOrders.add(id);
                    answerTimes.add(at - sentAt);
                }
            });
        }, 0, Math.round(1_000_000_000 / rate), TimeUnit.NANOSECONDS);
        done.await();
        ticks.shutdownNow();
        // the last orders' tickets: each order on every kitchen socket of its station, 15 s at most (lost after that)
        long loadEnded = System.nanoTime();
        long grace = loadEnded + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < grace && missing(answered.keySet(), kitchen) > 0) {
            Thread.sleep(200);
        }
        int lost = missing(measuredOrders, kitchen);
        // and no ticket at all for 5 s before the next phase: orders whose answer timed out here were placed all the
        // same, and a backlog of their tickets must not be timed as the next phase's latency
        long quietUntil = loadEnded + TimeUnit.SECONDS.toNanos(300);
        long quiet = TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < quietUntil && System.nanoTime() - lastTicket(kitchen) < quiet) {
            Thread.sleep(200);
        }
        log(name + ": " + missing(answered.keySet(), kitchen) + " of " + answered.size()
                + " orders' tickets not on the kitchen's sockets; the last ticket came "
                + TimeUnit.NANOSECONDS.toSeconds(lastTicket(kitchen) - loadEnded) + " s after the load ended");

        List<Push> pushes = pushes(measuredOrders, answered, kitchen);
        logOverTime(name, pushes, measureFrom);
        List<Long> latencies = new ArrayList<>(pushes.stream().map(Push::latency).toList());
        long twice = kitchen.stream().mapToLong(tablet -> tablet.twice.get()).sum();
        all.forEach(Listener::close);
        latencies.sort(null);
        log(name + ": " + measuredOrders.size() + " orders measured; refused or failed: " + failed);
        if (!answerTimes.isEmpty()) {
            answerTimes.sort(null);
            log(String.format("%s: the orders' 201 after p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", name,
                    ms(answerTimes, 0.50), ms(answerTimes, 0.95), ms(answerTimes, 0.99)));
        }
        if (measured == 0) {
            return null;
        }
        if (latencies.isEmpty()) {
            throw new IllegalStateException(name + ": no ticket reached a kitchen socket");
        }
        return String.format("%-9s %7d %7d %8d %7.1f %7.1f %7.1f %7.1f %6d %8d", name, all.size(),
                measuredOrders.size(), latencies.size(), ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99),
                latencies.get(latencies.size() - 1) / 1e6, lost, twice);
    }

    /** A ticket on a kitchen socket: when its order's 201 arrived, and how long after it the ticket did. */
    private record Push(long answeredAt, long latency) {
    }

    /** Each order's ticket on each kitchen socket it reached. */
    private static List<Push> pushes(Set<String> orders, Map<String, Long> answered, List<Kitchen> kitchen) {
        List<Push> pushes = new ArrayList<>();
        for (String order : orders) {
            long answeredAt = answered.get(order);
            for (Kitchen tablet : kitchen) {
                Long arrived = tablet.arrivals.get(order);
                if (arrived != null) {
                    pushes.add(new Push(answeredAt, Math.max(0, arrived - answeredAt)));
                }
            }
        }
        return pushes;
    }

    /** The latencies of the orders answered in each 10 s of the phase: whether slow pushes are steady or bunched. */
    private static void logOverTime(String name, List<Push> pushes, long measureFrom) {
        Map<Long, List<Long>> bySlice = new TreeMap<>();
        for (Push push : pushes) {
            long slice = TimeUnit.NANOSECONDS.toSeconds(push.answeredAt() - measureFrom) / 10 * 10;
            bySlice.computeIfAbsent(slice, key -> new ArrayList<>()).add(push.latency());
        }
        bySlice.forEach((slice, latencies) -> {
            latencies.sort(null);
            log(String.format("%s: from %3d s: %5d pushes, p50 %7.1f ms, p95 %7.1f ms, max %7.1f ms", name, slice,
                    latencies.size(), ms(latencies, 0.50), ms(latencies, 0.95),
                    latencies.get(latencies.size() - 1) / 1e6));
        });
    }

    private static long lastTicket(List<Kitchen> kitchen) {
        return kitchen.stream().mapToLong(tablet -> tablet.lastTicketAt).max().orElse(0);
    }

    /** Orders not on every kitchen socket of their station (or on none at all). */
    private static int missing(Set<String> orders, List<Kitchen> kitchen) {
        int missing = 0;
        for (String order : orders) {
            String station = kitchen.stream().map(tablet -> tablet.stationOf.get(order)).filter(s -> s != null)
                    .findFirst().orElse(null);
            if (station == null || kitchen.stream().anyMatch(tablet -> tablet.station.equals(station)
                    && !tablet.arrivals.containsKey(order))) {
                missing++;
            }
        }
        return missing;
    }

    private static double ms(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static String idOf(String body) {
        try {
            return JSON.readTree(body).path("id").asText();
        }
        catch (IOException e) {
            throw new IllegalStateException("an order's answer is not JSON: " + body, e);
        }
    }

    /** The table session a diner's token names ({@code sid}). */
    private static String sessionOf(String token) throws IOException {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JSON.readTree(payload).path("sid").asText();
    }

    private static void log(String line) {
        System.err.println("[realtime " + java.time.LocalTime.now().withNano(0) + "] " + line);
    }

    /** A socket: its ticket asked for, opened, subscribed to one stream; counts what it is sent. */
    private static class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
        private WebSocket socket;

        void open(HttpClient http, String base, String token, String stream) throws Exception {
            HttpResponse<String> ticket = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/notifications/ws-tickets")).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (ticket.statusCode() != 201) {
                throw new IllegalStateException("no ticket at " + base + ": " + ticket.statusCode() + " " + ticket.body());
            }
            URI uri = URI.create(base.replaceFirst("^http", "ws") + JSON.readTree(ticket.body()).path("path").asText());
            socket = http.newWebSocketBuilder().buildAsync(uri, this).get(10, TimeUnit.SECONDS);
            socket.sendText("{\"subscribe\": \"" + stream + "\"}", true);
        }

        void awaitSubscribed() throws Exception {
            subscribed.get(30, TimeUnit.SECONDS);
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long at = System.nanoTime();
                try {
                    JsonNode frame = JSON.readTree(partial.toString());
                    String type = frame.path("type").asText();
                    if ("subscribed".equals(type)) {
                        subscribed.complete(null);
                    }
                    else if ("error".equals(type)) {
                        subscribed.completeExceptionally(new IllegalStateException(frame.toString()));
                    }
                    else {
                        pushed(frame, at);
                    }
                }
                catch (IOException e) {
                    subscribed.completeExceptionally(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void pushed(JsonNode frame, long at) {
        }

        void close() {
            socket.abort();
        }
    }

    /** A kitchen tablet on one station: when each order's ticket arrived, once. */
    private static final class Kitchen extends Listener {

        private final String station;
        private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        private final Map<String, String> stationOf = new ConcurrentHashMap<>();
        private final AtomicLong twice = new AtomicLong();
        private volatile long lastTicketAt = System.nanoTime();

        Kitchen(String station) {
            this.station = station;
        }

        @Override
        void pushed(JsonNode frame, long at) {
            if (!"ticket.fired".equals(frame.path("type").asText())) {
                return;
            }
            lastTicketAt = at;
            String order = frame.path("data").path("orderId").asText();
            stationOf.put(order, station);
            if (arrivals.putIfAbsent(order, at) != null) {
                twice.incrementAndGet();
            }
        }
    }
}
