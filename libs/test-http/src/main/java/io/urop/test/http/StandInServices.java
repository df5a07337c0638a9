package io.urop.test.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.urop.contracts.AuthEndpoints;

/**
 * Other services of the fleet as a service under test calls them, on one real HTTP server on a loopback port:
 * auth-service's client-credentials grant (any client gets {@link #SERVICE_TOKEN}) and the answers a test
 * {@link #serve serves}, to requests that carry that token (any other: 401).
 */
public final class StandInServices {

    public static final String SERVICE_TOKEN = "service-token";

    private final HttpServer server;

    private StandInServices(HttpServer server) {
        this.server = server;
    }

    public static StandInServices start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(AuthEndpoints.TOKEN, exchange -> answer(exchange, Answer.ok(
                    "{\"access_token\":\"" + SERVICE_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":900}")));
            server.start();
            return new StandInServices(server);
        }
        catch (IOException e) {
            throw new IllegalStateException("could not start the stand-in services", e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers every request under {@code pathPrefix} as {@code answers} says for its path. */
    public void serve(String pathPrefix, Function<String, Answer> answers) {
        server.createContext(pathPrefix, exchange -> answer(exchange,
                ("Bearer " + SERVICE_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                        ? answers.apply(exchange.getRequestURI().getPath())
                        : new Answer(401, "{\"status\":401}")));
    }

    private static void answer(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A status and its JSON body. */
    public record Answer(int status, String json) {

        public static Answer ok(String json) {
            return new Answer(200, json);
        }

        public static Answer problem(int status) {
            return new Answer(status, "{\"status\":" + status + "}");
        }
    }
}
