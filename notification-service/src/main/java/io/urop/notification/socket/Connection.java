package io.urop.notification.socket;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.urop.notification.push.PushFrame;
import io.urop.notification.push.PushStream;
import io.urop.notification.push.StreamSeqs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One open socket, its viewer, and the streams it follows, each with the sequence number of the last push it was
 * sent: a push is sent once, in its stream's order. While a stream is caught up after a reconnect, live pushes of it
 * wait, and are sent after what was missed, those already sent skipped.
 */
final class Connection {

    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    private final WebSocketSession socket;
    private final Viewer viewer;
    private final JsonMapper json;
    private final Counter pushes;
    private final Map<PushStream, Followed> followed = new ConcurrentHashMap<>();
    private volatile Instant lastHeard;

    Connection(WebSocketSession socket, Viewer viewer, JsonMapper json, Instant openedAt, Counter pushes) {
        this.socket = socket;
        this.viewer = viewer;
        this.json = json;
        this.lastHeard = openedAt;
        this.pushes = pushes;
    }

    Viewer viewer() {
        return viewer;
    }

    String id() {
        return socket.getId();
    }

    /** Starts following a stream; live pushes wait until {@link #caughtUp} says what was missed is sent. */
    void follow(PushStream stream, String after) {
        followed.put(stream, new Followed(after));
    }

    boolean follows(PushStream stream) {
        return followed.containsKey(stream);
    }

    void unfollow(PushStream stream) {
        followed.remove(stream);
    }

    /** A push of a followed stream, missed or live: sent unless it was sent before. */
    void push(PushStream stream, PushFrame frame) {
        Followed state = followed.get(stream);
        if (state == null) {
            return;
        }
        synchronized (state) {
            if (state.waiting != null) {
                state.waiting.add(frame);
            }
            else {
                sendIfNew(state, frame);
            }
        }
    }

    /** What the stream missed was sent (as {@link #sendMissed}): the live pushes that waited follow. */
    void caughtUp(PushStream stream) {
        Followed state = followed.get(stream);
        if (state == null) {
            return;
        }
        synchronized (state) {
            List<PushFrame> waited = state.waiting;
            state.waiting = null;
            waited.forEach(frame -> sendIfNew(state, frame));
        }
    }

    /** A push the stream missed, sent while its live pushes wait. */
    void sendMissed(PushStream stream, PushFrame frame) {
        Followed state = followed.get(stream);
        if (state != null) {
            synchronized (state) {
                sendIfNew(state, frame);
            }
        }
    }

    private void sendIfNew(Followed state, PushFrame frame) {
        if (StreamSeqs.compare(frame.seq(), state.last) <= 0) {
            return;
        }
        state.last = frame.seq();
        send(frame);
    }

    /** Sends a frame; a socket that cannot take it is closed, and its client reconnects with its last seq. */
    void send(PushFrame frame) {
        try {
            socket.sendMessage(new TextMessage(json.writeValueAsString(frame)));
            pushes.increment();
        }
        catch (IOException | RuntimeException e) {
            // a client too slow to take what it is sent (SessionLimitExceededException) included
            log.debug("Socket {} could not be sent a push: {}", socket.getId(), e.toString());
            close(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    void ping() {
        try {
            socket.sendMessage(new PingMessage());
        }
        catch (IOException | RuntimeException e) {
            close(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    /** The client answered a ping: it is still there. */
    void ponged(Instant at) {
        lastHeard = at;
    }

    /** When the client was last heard from: its last pong, or the socket's opening. */
    Instant lastHeard() {
        return lastHeard;
    }

    int following() {
        return followed.size();
    }

    void close(CloseStatus status) {
        try {
            socket.close(status);
        }
        catch (IOException e) {
            log.debug("Socket {} did not close cleanly: {}", socket.getId(), e.toString());
        }
    }

    boolean isOpen() {
        return socket.isOpen();
    }

    /** A followed stream: the last push sent, and the live pushes waiting while it catches up. */
    private static final class Followed {

        private String last;
        private List<PushFrame> waiting = new ArrayList<>();

        Followed(String last) {
            this.last = last;
        }
    }
}
