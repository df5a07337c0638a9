package io.urop.notification.socket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.urop.contracts.DenyList;
import io.urop.notification.push.PushProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * Looks after the open sockets: pings each every {@link PushProperties#heartbeat()}, so that proxies keep an idle one
 * open, and every {@link PushProperties#checks()} closes those whose access token expired ({@value #EXPIRED}), whose
 * session was revoked (on auth-service's deny-list: {@value #REVOKED}), or whose client answered no ping for
 * {@link PushProperties#silence()} ({@value #SILENT}: a peer gone without closing). A client whose socket closed this
 * way asks for a new ticket, with a fresh token or after signing in again.
 */
@Component
class SocketKeeper implements SmartLifecycle {

    static final int EXPIRED = 4401;
    static final int REVOKED = 4403;
    static final int SILENT = 4408;

    private static final Logger log = LoggerFactory.getLogger(SocketKeeper.class);

    private final PushSocketHandler sockets;
    private final StringRedisTemplate redis;
    private final PushProperties properties;
    private final Clock clock;
    private volatile ScheduledExecutorService scheduler;

    SocketKeeper(PushSocketHandler sockets, StringRedisTemplate redis, PushProperties properties, Clock clock) {
        this.sockets = sockets;
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    void check() {
        Instant now = clock.instant();
        List<Connection> open = new ArrayList<>();
        for (Connection connection : sockets.connections()) {
            if (!connection.viewer().expiresAt().isAfter(now)) {
                connection.close(new CloseStatus(EXPIRED, "access token expired"));
            }
            else if (connection.lastHeard().plus(properties.silence()).isBefore(now)) {
                connection.close(new CloseStatus(SILENT, "no answer to pings"));
            }
            else {
                open.add(connection);
            }
        }
        List<String> keys = open.stream().map(connection -> DenyList.KEY_PREFIX + connection.viewer().sessionId())
                .toList();
        if (keys.isEmpty()) {
            return;
        }
        List<String> revoked = redis.opsForValue().multiGet(keys);
        for (int i = 0; revoked != null && i < open.size(); i++) {
            if (revoked.get(i) != null) {
                open.get(i).close(new CloseStatus(REVOKED, "session revoked"));
            }
        }
    }

    private void ping() {
        sockets.connections().forEach(Connection::ping);
    }

    private Runnable guarded(Runnable task, String what) {
        return () -> {
            try {
                task.run();
            }
            catch (RuntimeException e) {
                log.warn("Could not {} the sockets this time: {}", what, e.toString());
            }
        };
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "socket-keeper");
            thread.setDaemon(true);
            return thread;
        });
        long checks = properties.checks().toMillis();
        long heartbeat = properties.heartbeat().toMillis();
        started.scheduleWithFixedDelay(guarded(this::check, "check"), checks, checks, TimeUnit.MILLISECONDS);
        started.scheduleWithFixedDelay(guarded(this::ping, "ping"), heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
