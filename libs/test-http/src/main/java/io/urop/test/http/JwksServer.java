package io.urop.test.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import io.urop.contracts.AuthEndpoints;

/** auth-service's JWKS endpoint, played by the JDK's HTTP server on a free loopback port. Counts the fetches. */
public final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();

    private JwksServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(AuthEndpoints.JWKS, exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(List.copyOf(published)).toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Starts serving the public halves of these keys. */
    public static JwksServer serving(JWK... keys) {
        try {
            JwksServer jwks = new JwksServer();
            for (JWK key : keys) {
                jwks.publish(key);
            }
            return jwks;
        }
        catch (IOException e) {
            throw new IllegalStateException("could not start the JWKS server", e);
        }
    }

    /** Rotation: from now on, the JWKS also holds this key's public half (never its private one). */
    public void publish(JWK key) {
        published.add(key.toPublicJWK());
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + AuthEndpoints.JWKS);
    }

    public int fetches() {
        return fetches.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
