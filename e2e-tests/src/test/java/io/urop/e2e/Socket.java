package io.urop.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/** A kitchen tablet's or a diner's phone's socket through the gateway, as a browser holds one. */
final class Socket implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Trades the access token for a ticket at the gateway, and opens {@code /ws} with it. */
    static Socket open(Gateway gateway, URI base, String accessToken) {
        Gateway.Reply ticket = gateway.post("/api/v1/notifications/ws-tickets", null, accessToken);
        if (ticket.status() != 201) {
            throw new AssertionError("no ticket: " + ticket);
        }
        Socket client = new Socket();
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + ticket.json().path("path").asString());
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws, client).join();
        return client;
    }

    void subscribe(String stream) throws InterruptedException {
        socket.sendText("{\"subscribe\": \"" + stream + "\"}", true).join();
        JsonNode subscribed = next();
        if (!"subscribed".equals(subscribed.path("type").asString())) {
            throw new AssertionError("not subscribed to " + stream + ": " + subscribed);
        }
    }

    /** The next push, waiting up to 30 s for it. */
    JsonNode next() throws InterruptedException {
        JsonNode frame = frames.poll(30, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no push came within 30 s");
        }
        return frame;
    }

    /** The next push of that type, after any others. */
    JsonNode next(String type) throws InterruptedException {
        JsonNode frame = next();
        while (!type.equals(frame.path("type").asString())) {
            frame = next();
        }
        return frame;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(Gateway.JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
