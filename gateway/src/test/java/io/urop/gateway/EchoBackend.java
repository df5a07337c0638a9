package io.urop.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real backend on a free local port: answers every request with JSON naming itself and echoing the
 * method, path, raw query, body, {@code X-Request-Id}, {@code Authorization}, every forwarding header
 * ({@code Forwarded}, {@code X-Forwarded-*}, {@code X-Real-IP}: lower-case name to values) and the names of any
 * {@code X-Urop-*} headers it received; or, when silent, never answers. A request's
 * {@code X-Test-Cache-Control} comes back as the answer's {@code Cache-Control}. It remembers every
 * request it read completely ({@link #received()}).
 */
final class EchoBackend implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;

    private final ExecutorService executor;

    private final List<String> received = new CopyOnWriteArrayList<>();

    private EchoBackend(String name, Duration delay) throws IOException {
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "backend-" + name);
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        this.server.createContext("/", exchange -> handle(name, delay, exchange, received));
        this.server.setExecutor(executor);
        this.server.start();
    }

    static EchoBackend echo(String name) {
        return start(name, Duration.ZERO);
    }

    /** A backend that accepts the request and never answers. */
    static EchoBackend silent(String name) {
        return start(name, Duration.ofMinutes(1));
    }

    /** A backend that answers each request after a delay. */
    static EchoBackend slow(String name, Duration delay) {
        return start(name, delay);
    }

    private static EchoBackend start(String name, Duration delay) {
        try {
            return new EchoBackend(name, delay);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A local port that nobody listens on. */
    static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code "<METHOD> <raw path>"} of every request whose body was read completely. */
    List<String> received() {
        return List.copyOf(received);
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void handle(String name, Duration delay, HttpExchange exchange, List<String> received)
            throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("service", name);
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", exchange.getRequestURI().getRawPath());
            echo.put("query", exchange.getRequestURI().getRawQuery());
            echo.put("body", body);
            echo.put("requestId", exchange.getRequestHeaders().getFirst("X-Request-Id"));
            echo.put("forwardedFor", exchange.getRequestHeaders().getFirst("X-Forwarded-For"));
            Map<String, List<String>> forwarding = new TreeMap<>();
            exchange.getRequestHeaders().forEach((header, values) -> {
                String lowerCase = header.toLowerCase(Locale.ROOT);
                if (lowerCase.equals("forwarded") || lowerCase.startsWith("x-forwarded-") || lowerCase.equals("x-real-ip")) {
                    forwarding.put(lowerCase, values);
                }
            });
            echo.put("forwarding", forwarding);
            echo.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            echo.put("uropHeaders", exchange.getRequestHeaders().keySet().stream()
                    .filter(header -> header.toLowerCase(Locale.ROOT).startsWith("x-urop-")).toList());
            byte[] answer = JSON.writeValueAsBytes(echo);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            String cacheControl = exchange.getRequestHeaders().getFirst("X-Test-Cache-Control");
            if (cacheControl != null) {
                exchange.getResponseHeaders().set("Cache-Control", cacheControl);
            }
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }
}
