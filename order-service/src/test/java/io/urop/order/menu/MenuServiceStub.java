package io.urop.order.menu;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * menu-service and auth-service as order-service meets them when a published version is too large for its event:
 * the client-credentials grant, and the versions' snapshots at their internal path, on one real HTTP server.
 */
final class MenuServiceStub {

    static final MenuServiceStub INSTANCE = new MenuServiceStub();

    private final HttpServer server;
    private final Map<String, String> snapshots = new ConcurrentHashMap<>();

    private MenuServiceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/oauth2/token", exchange -> answer(exchange, 200,
                "{\"access_token\":\"service-token\",\"token_type\":\"Bearer\",\"expires_in\":900}"));
        server.createContext("/internal/", exchange -> {
            String snapshot = snapshots.get(exchange.getRequestURI().getPath());
            boolean authorised = "Bearer service-token".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, authorised && snapshot != null ? 200 : 404, snapshot != null ? snapshot : "{}");
        });
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, answers {@code path} with this snapshot's JSON. */
    void serve(String path, String snapshotJson) {
        snapshots.put(path, snapshotJson);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
