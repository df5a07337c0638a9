package io.urop.notification.socket;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.urop.notification.push.PushFrame;
import io.urop.notification.push.PushLog;
import io.urop.notification.push.PushStream;
import io.urop.notification.push.PushTraces;
import io.urop.notification.push.StreamSeqs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The streams this instance's sockets follow, and the one thread that reads them from Redis for all of them: it waits
 * on every followed stream at once ({@code XREAD BLOCK}) from where it last read each, and hands each push to the
 * sockets following its stream. A socket that starts following a stream is first sent what it missed since the
 * sequence number it gives, while the live pushes of the stream wait for it: nothing missed, nothing twice. One too
 * far behind for the stream to still hold what it missed is sent a {@code snapshot} instead, what its screen shows
 * now ({@link Snapshots}), and goes on from the stream's last push before it; told to {@code resync} (re-read) when
 * there is no snapshot to give.
 */
@Component
class Subscriptions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

    private static final Duration WAIT = Duration.ofSeconds(1);

    private static final int PAGE = 500;

    private final PushLog pushes;
    private final Snapshots snapshots;
    private final PushTraces traces;
    /** By the stream's Redis key: the sockets following it, and where the reader is in it. */
    private final Map<String, Followers> streams = new ConcurrentHashMap<>();
    private volatile Thread reader;

    Subscriptions(PushLog pushes, Snapshots snapshots, PushTraces traces) {
        this.pushes = pushes;
        this.snapshots = snapshots;
        this.traces = traces;
    }

    /**
     * The socket follows the stream from {@code after} (or from now, when null), once sent what it missed.
     *
     * @throws IllegalArgumentException for an {@code after} that is no sequence number
     */
    void follow(Connection connection, PushStream stream, String after) {
        if (after != null && !StreamSeqs.valid(after)) {
            throw new IllegalArgumentException("after is not a sequence number this stream gave");
        }
        Viewer viewer = connection.viewer();
        String key = stream.key(viewer.tenantId());
        String now = pushes.last(viewer.tenantId(), stream);
        boolean tooFarBehind = after != null && pushes.first(viewer.tenantId(), stream)
                .map(first -> StreamSeqs.compare(first, StreamSeqs.next(after)) > 0).orElse(false);
        // asked after the stream's last push was read: it shows at least what came before
        Optional<ObjectNode> snapshot = tooFarBehind ? snapshots.of(viewer.tenantId(), stream) : Optional.empty();
        String from = after == null || tooFarBehind ? now : after;
        connection.follow(stream, from);
        streams.compute(key, (k, followers) -> {
            Followers following = followers == null ? new Followers(stream, now) : followers;
            following.sockets.add(connection);
            return following;
        });
        if (!connection.isOpen()) {
            // closed meanwhile by another thread, perhaps before it was added here
            gone(connection);
            return;
        }
        String type = !tooFarBehind ? "subscribed" : snapshot.isPresent() ? "snapshot" : "resync";
        connection.send(new PushFrame(stream.name(), null, type,
                snapshot.orElseGet(JsonNodeFactory.instance::objectNode).put("seq", from)));
        String cursor = from;
        List<PushFrame> missed;
        do {
            missed = pushes.after(viewer.tenantId(), stream, cursor, PAGE);
            for (PushFrame frame : missed) {
                connection.sendMissed(stream, frame);
                cursor = frame.seq();
            }
        }
        while (missed.size() == PAGE);
        connection.caughtUp(stream);
    }

    void unfollow(Connection connection, PushStream stream) {
        connection.unfollow(stream);
        String key = stream.key(connection.viewer().tenantId());
        streams.computeIfPresent(key, (k, followers) -> {
            followers.sockets.remove(connection);
            return followers.sockets.isEmpty() ? null : followers;
        });
    }

    /** The socket closed: it follows nothing any more. */
    void gone(Connection connection) {
        for (String key : List.copyOf(streams.keySet())) {
            streams.computeIfPresent(key, (k, followers) -> {
                followers.sockets.remove(connection);
                return followers.sockets.isEmpty() ? null : followers;
            });
        }
    }

    private void readLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Map<String, String> positions = new HashMap<>();
                streams.forEach((key, followers) -> positions.put(key, followers.position));
                if (positions.isEmpty()) {
                    Thread.sleep(100);
                    continue;
                }
                for (PushLog.Read read : pushes.read(positions, WAIT)) {
                    Followers followers = streams.get(read.key());
                    if (followers == null) {
                        continue;
                    }
                    followers.position = read.seq();
                    PushFrame frame = pushes.frame(followers.stream, read);
                    traces.deliver(read, followers.sockets.size(),
                            () -> followers.sockets.forEach(connection -> connection.push(followers.stream, frame)));
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            catch (RuntimeException e) {
                log.warn("Could not read the pushes from Redis; trying again: {}", e.toString());
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::readLoop, "push-reader");
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread running = reader;
        reader = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return reader != null;
    }

    /** A followed stream: its sockets, and the sequence number up to which the reader read it. */
    private static final class Followers {

        private final PushStream stream;
        private final Set<Connection> sockets = ConcurrentHashMap.newKeySet();
        private volatile String position;

        Followers(PushStream stream, String position) {
            this.stream = stream;
            this.position = position;
        }
    }
}
