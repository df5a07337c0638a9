package io.urop.tenant;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * auth-service's internal account API as tenant-service calls it: its client-credentials token, account
 * creation (409 for an email it already has; the real one then emails that address when asked for a
 * {@code selfSignup}), access changes and deactivation. It can be told to fail, to show what
 * tenant-service does when auth-service cannot answer. The whole journey against the real auth-service
 * is in e2e-tests.
 */
public final class AuthServiceStub {

    private static final AuthServiceStub INSTANCE = start();

    private final HttpServer server;
    private final Set<String> emails = ConcurrentHashMap.newKeySet();
    private final List<String> accountRequests = new CopyOnWriteArrayList<>();
    private final List<String> deactivations = new CopyOnWriteArrayList<>();
    private final List<String> accessChanges = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    private AuthServiceStub(HttpServer server) {
        this.server = server;
    }

    public static AuthServiceStub instance() {
        return INSTANCE;
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The JSON bodies of every account creation asked for, in order. */
    public List<String> accountRequests() {
        return List.copyOf(accountRequests);
    }

    public List<String> deactivations() {
        return List.copyOf(deactivations);
    }

    /** "<account id> <JSON body>" of every access change asked for. */
    public List<String> accessChanges() {
        return List.copyOf(accessChanges);
    }

    public void failing(boolean failing) {
        this.failing = failing;
    }

    private static AuthServiceStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AuthServiceStub stub = new AuthServiceStub(server);
            server.createContext("/oauth2/token", exchange -> stub.answer(exchange, 200,
                    "{\"access_token\":\"service-token\",\"token_type\":\"Bearer\",\"expires_in\":600}"));
            server.createContext("/internal/v1/accounts", stub::accounts);
            server.start();
            return stub;
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void accounts(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (failing) {
            answer(exchange, 500, "{}");
            return;
        }
        if (!"Bearer service-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/deactivation")) {
            deactivations.add(path.split("/")[4]);
            answer(exchange, 204, null);
            return;
        }
        if (path.endsWith("/access")) {
            accessChanges.add(path.split("/")[4] + " " + body);
            answer(exchange, 204, null);
            return;
        }
        accountRequests.add(body);
        String email = JsonPath.read(body, "$.email");
        if (!emails.add(email)) {
            answer(exchange, 409, "{\"type\":\"https://urop.io/problems/conflict\",\"status\":409}");
            return;
        }
        answer(exchange, 201, "{\"id\":\"" + JsonPath.read(body, "$.id") + "\"}");
    }

    private void answer(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
