package io.urop.stripe.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

/** A payment-service stand-in: records every webhook posted to it and answers what the test wants. */
final class WebhookReceiver implements AutoCloseable {

    record Received(String payload, String signature, String contentType, int attempt) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    /** From the number of the request (1, 2, …) to the status answered. */
    private volatile IntUnaryOperator statusByRequest = request -> 200;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/stripe/webhooks", exchange -> {
                String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status;
                synchronized (receiver.received) {
                    int number = receiver.received.size() + 1;
                    receiver.received.add(new Received(payload, exchange.getRequestHeaders().getFirst("Stripe-Signature"),
                            exchange.getRequestHeaders().getFirst("Content-Type"), number));
                    receiver.received.notifyAll();
                    status = receiver.statusByRequest.applyAsInt(number);
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "webhook-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stripe/webhooks");
    }

    void answer(IntUnaryOperator statusByRequest) {
        this.statusByRequest = statusByRequest;
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits for at least {@code count} requests and returns all received so far. */
    List<Received> await(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (received.size() < count) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("Expected " + count + " webhooks within " + timeout + " but got "
                            + received.size());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(received, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return List.copyOf(received);
        }
    }

    void clear() {
        synchronized (received) {
            received.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
