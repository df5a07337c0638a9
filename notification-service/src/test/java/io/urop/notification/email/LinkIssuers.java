package io.urop.notification.email;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * auth-service and tenant-service as notification-service meets them when it emails a link: their client-credentials
 * grant and their internal link endpoints, on one real HTTP server. A link answers 200 with its URL, 410 once
 * {@link #spend used}, and 503 as many times as {@link #failNext} says.
 */
final class LinkIssuers {

    static final LinkIssuers INSTANCE = new LinkIssuers();

    private static final Pattern LINK = Pattern.compile(
            "/internal/v1/tenants/([0-9a-f-]{36})/(password-resets|invitations)/([0-9a-f-]{36})/link");

    private final HttpServer server;
    private final Set<UUID> spent = ConcurrentHashMap.newKeySet();
    private final Map<UUID, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> asked = new ConcurrentHashMap<>();

    private LinkIssuers() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/oauth2/token", exchange -> answer(exchange, 200,
                "{\"access_token\":\"service-token\",\"token_type\":\"Bearer\",\"expires_in\":900}"));
        server.createContext("/internal/", this::link);
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The link of the reset or invitation {@code id}. */
    static String url(UUID id) {
        return "https://app.example/links/" + id;
    }

    void spend(UUID id) {
        spent.add(id);
    }

    void failNext(UUID id, int times) {
        failures.put(id, new AtomicInteger(times));
    }

    int asked(UUID id) {
        return asked.getOrDefault(id, new AtomicInteger()).get();
    }

    private void link(HttpExchange exchange) throws IOException {
        Matcher path = LINK.matcher(exchange.getRequestURI().getPath());
        if (!path.matches() || !"Bearer service-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 404, "{}");
            return;
        }
        UUID id = UUID.fromString(path.group(3));
        asked.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
        AtomicInteger failing = failures.get(id);
        if (failing != null && failing.getAndDecrement() > 0) {
            answer(exchange, 503, "{}");
        }
        else if (spent.contains(id)) {
            answer(exchange, 410, "{\"status\":410,\"detail\":\"already used\"}");
        }
        else {
            answer(exchange, 200, "{\"url\":\"%s\",\"expiresAt\":\"%s\"}".formatted(url(id),
                    Instant.parse("2026-05-01T09:30:00Z")));
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
