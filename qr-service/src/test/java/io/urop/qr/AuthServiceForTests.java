package io.urop.qr;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.urop.contracts.Role;
import io.urop.test.tokens.TestTokens;

/**
 * auth-service's two endpoints qr-service calls, as a small real HTTP server: the client-credentials grant (for
 * {@code qr-service} and its test secret only) and {@code /internal/v1/diner-tokens} (for that service token only),
 * which mints real ES256 DINER tokens with the test JVM's issuer, claims as auth-service puts them. It can be told to
 * fail, to show what a scan does when auth-service cannot answer. The journey against the real auth-service belongs
 * to e2e-tests.
 */
public final class AuthServiceForTests {

    public static final String CLIENT_SECRET = "test-client-secret-of-qr-service";

    private static final AuthServiceForTests INSTANCE = start();

    private final HttpServer server;
    private final String serviceToken = TestTokens.issuer().service("qr-service").sign();
    private volatile boolean failing;

    private AuthServiceForTests(HttpServer server) {
        this.server = server;
    }

    public static AuthServiceForTests instance() {
        return INSTANCE;
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void failing(boolean failing) {
        this.failing = failing;
    }

    private static AuthServiceForTests start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AuthServiceForTests auth = new AuthServiceForTests(server);
            server.createContext("/oauth2/token", auth::token);
            server.createContext("/internal/v1/diner-tokens", auth::dinerToken);
            server.start();
            return auth;
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString(("qr-service:" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"status\":401}");
            return;
        }
        answer(exchange, 200, "{\"access_token\":\"" + serviceToken + "\",\"token_type\":\"Bearer\",\"expires_in\":900}");
    }

    private void dinerToken(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (failing) {
            answer(exchange, 500, "{}");
            return;
        }
        if (!("Bearer " + serviceToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{}");
            return;
        }
        String token = TestTokens.user(UUID.fromString(JsonPath.read(body, "$.tenantId")), Role.DINER)
                .subject(JsonPath.read(body, "$.guestId"))
                .session(JsonPath.read(body, "$.tableSessionId"))
                .locations(UUID.fromString(JsonPath.read(body, "$.locationId")))
                .claim("tbl", JsonPath.read(body, "$.tableId"))
                .sign();
        answer(exchange, 200, "{\"accessToken\":\"" + token + "\",\"tokenType\":\"Bearer\",\"expiresIn\":7200}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
