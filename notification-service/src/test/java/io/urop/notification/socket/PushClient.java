package io.urop.notification.socket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A kitchen tablet's or a diner's phone's socket, as a browser holds one: the frames it got, and how it closed. */
final class PushClient implements WebSocket.Listener, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static PushClient open(URI uri) {
        PushClient client = new PushClient();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, client).join();
        return client;
    }

    void subscribe(String stream) {
        send("{\"subscribe\": \"" + stream + "\"}");
    }

    void subscribe(String stream, String after) {
        send("{\"subscribe\": \"" + stream + "\", \"after\": \"" + after + "\"}");
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame, waiting up to 10 s for it. */
    JsonNode next() throws InterruptedException {
        JsonNode frame = frames.poll(10, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame came within 10 s");
        }
        return frame;
    }

    /** The next {@code count} frames, as they came. */
    List<JsonNode> next(int count) throws InterruptedException {
        List<JsonNode> next = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            next.add(next());
        }
        return next;
    }

    /** The one frame of that type among {@code frames}. */
    static JsonNode ofType(List<JsonNode> frames, String type) {
        List<JsonNode> ofType = frames.stream().filter(frame -> type.equals(frame.path("type").asString())).toList();
        if (ofType.size() != 1) {
            throw new AssertionError("not one " + type + " among " + frames);
        }
        return ofType.get(0);
    }

    /** Every frame that comes within {@code quiet}. */
    List<JsonNode> drain(Duration quiet) throws InterruptedException {
        List<JsonNode> drained = new ArrayList<>();
        JsonNode frame;
        while ((frame = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            drained.add(frame);
        }
        return drained;
    }

    /** The close code once the server closed the socket, waiting up to {@code within}. */
    int closeCode(Duration within) throws Exception {
        return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(ignored -> null);
        }
        socket.abort();
    }
}
