package io.urop.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The services a caller calls, as one small real HTTP server: auth-service's client-credentials grant (for
 * {@code caller-service} and its secret only, a new token each time) and, on any other path, the answers a test
 * queues for it, in order ({@code 200 {}} once the queue is empty). It records every request, and refuses (401) a
 * token issued before its last {@link #rotateKey()}, as the services do once auth-service rotated its signing key.
 */
final class OtherServices implements AutoCloseable {

    static final String CLIENT_ID = "caller-service";
    static final String CLIENT_SECRET = "caller-secret";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile int validFrom = 1;
    private volatile boolean refusingEveryToken;
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    OtherServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/oauth2/token", this::token);
        server.createContext("/", this::answer);
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A port nothing listens on: an instance that is down. */
    static String down() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next answers to requests on {@code path}, in order. */
    void answer(String path, Answer... next) {
        answers.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(next));
    }

    List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    /** The tokens issued so far are refused from now on. */
    void rotateKey() {
        validFrom = tokensIssued.get() + 1;
    }

    void refuseEveryToken(boolean refusing) {
        refusingEveryToken = refusing;
    }

    void reset() {
        answers.clear();
        received.clear();
        refusingEveryToken = false;
    }

    private boolean accepted(String authorization) {
        if (refusingEveryToken || authorization == null || !authorization.startsWith("Bearer token-")) {
            return false;
        }
        int issued = Integer.parseInt(authorization.substring("Bearer token-".length()));
        return issued >= validFrom && issued <= tokensIssued.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !form.equals("grant_type=client_credentials")) {
            send(exchange, Answer.status(401));
            return;
        }
        send(exchange, Answer.json(200, "{\"access_token\":\"token-" + tokensIssued.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":900}"));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                authorization, exchange.getRequestHeaders().getFirst("Content-Type"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        if (!accepted(authorization)) {
            // as a Spring Security resource server refuses an outdated token
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            send(exchange, Answer.status(401));
            return;
        }
        Deque<Answer> queued = answers.get(path);
        Answer next = queued == null ? null : queued.poll();
        send(exchange, next != null ? next : Answer.json(200, "{}"));
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        try {
            Thread.sleep(answer.delay().toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    record Received(String method, String path, String query, String authorization, String contentType, String body) {
    }

    record Answer(int status, String contentType, String body, Duration delay) {

        static Answer status(int status) {
            return new Answer(status, null, null, Duration.ZERO);
        }

        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, Duration.ZERO);
        }

        static Answer problem(int status, String body) {
            return new Answer(status, "application/problem+json", body, Duration.ZERO);
        }

        Answer after(Duration delay) {
            return new Answer(status, contentType, body, delay);
        }
    }
}
