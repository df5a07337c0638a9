package io.urop.notification.socket;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.urop.notification.push.PushFrame;
import io.urop.notification.push.PushStream;
import jakarta.websocket.Session;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The sockets at {@code /ws}, opened with a ticket ({@link TicketHandshake}). A client says which streams it follows
 * with JSON frames: {@code {"subscribe": "station:<location>:grill", "after": "<the last seq it saw>"}} (no
 * {@code after}: from now on) and {@code {"unsubscribe": "..."}}; it may follow only what its viewer may read, and is
 * told so by an {@code error} frame (400 for a malformed frame or stream name, 403 for a stream not its own, 429 past
 * {@value #MAX_STREAMS} streams), the socket staying open.
 */
@Component
class PushSocketHandler extends TextWebSocketHandler {

    static final String VIEWER = "urop.viewer";

    /** A socket whose client reads too slowly is closed (it reconnects with its last seq) rather than buffer more. */
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT_BYTES = 512 * 1024;

    /**
     * How long one send may block the thread that pushes to every socket of this instance when a client stops reading
     * (Tomcat's default is 20 s): past it the send fails and the socket is closed.
     */
    private static final long BLOCKING_SEND_TIMEOUT_MS = 2_000;

    /** The streams one socket may follow: a tablet follows a station or two, a phone its table. */
    static final int MAX_STREAMS = 32;

    private final Subscriptions subscriptions;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Counter pushes;

    PushSocketHandler(Subscriptions subscriptions, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.json = json;
        this.clock = clock;
        this.pushes = Counter.builder("urop.pushes").description("Frames pushed to the sockets of this instance")
                .register(meters);
        Gauge.builder("urop.sockets.open", connections, Map::size).description("Sockets this instance holds")
                .register(meters);
    }

    Collection<Connection> connections() {
        return connections.values();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Viewer viewer = (Viewer) session.getAttributes().get(VIEWER);
        if (session instanceof NativeWebSocketSession tomcat
                && tomcat.getNativeSession() instanceof Session container) {
            container.getUserProperties().put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT",
                    BLOCKING_SEND_TIMEOUT_MS);
        }
        connections.put(session.getId(), new Connection(
                new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES), viewer,
                json, clock.instant(), pushes));
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        Connection connection = connections.get(session.getId());
        if (connection != null) {
            connection.ponged(clock.instant());
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        Connection connection = connections.get(session.getId());
        if (connection == null) {
            return;
        }
        ClientFrame frame;
        try {
            frame = json.readValue(message.getPayload(), ClientFrame.class);
        }
        catch (JacksonException e) {
            connection.send(error(null, 400, "A frame is JSON: {\"subscribe\": \"<stream>\", \"after\": \"<seq>\"}"));
            return;
        }
        String name = frame.subscribe() != null ? frame.subscribe() : frame.unsubscribe();
        Optional<PushStream> stream = PushStream.parse(name);
        if (stream.isEmpty()) {
            connection.send(error(name, 400, "No such stream: station:<location>:<station>, location:<location>, "
                    + "session:<table session> or menu:<location>"));
            return;
        }
        if (frame.subscribe() == null) {
            subscriptions.unfollow(connection, stream.get());
            return;
        }
        if (!connection.viewer().mayRead(stream.get())) {
            connection.send(error(name, 403, "This stream is not yours to follow"));
            return;
        }
        subscriptions.unfollow(connection, stream.get());
        if (connection.following() >= MAX_STREAMS) {
            connection.send(error(name, 429, "A socket follows " + MAX_STREAMS + " streams at most"));
            return;
        }
        try {
            subscriptions.follow(connection, stream.get(), frame.after());
        }
        catch (IllegalArgumentException e) {
            connection.send(error(name, 400, e.getMessage()));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Connection connection = connections.remove(session.getId());
        if (connection != null) {
            subscriptions.gone(connection);
        }
    }

    private static PushFrame error(String stream, int status, String detail) {
        return new PushFrame(stream, null, "error",
                JsonNodeFactory.instance.objectNode().put("status", status).put("detail", detail));
    }

    /** What a client sends: one of {@code subscribe} or {@code unsubscribe}, a stream's name. */
    record ClientFrame(String subscribe, String unsubscribe, String after) {
    }
}
