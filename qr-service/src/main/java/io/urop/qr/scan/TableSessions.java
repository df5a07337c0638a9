package io.urop.qr.scan;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.urop.events.Uuid7;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Each table's open session, in Redis: the phones that scan its code while it is open join it as guests, and it ends
 * when staff close it or when nobody scanned for {@link ScanProperties#sessionIdle()}. A later scan opens a new one,
 * so a code photographed at one meal never joins a later party's session.
 * <p>
 * Per table: a hash {@code qr:<tenant>:table:<table>:session} (the session id, when it opened) and the set of its
 * guests; per tenant a hash of scan counts by table.
 */
@Component
class TableSessions {

    /** Opens the table's session unless one is open, adds the guest, and keeps both alive for the idle time. */
    private static final RedisScript<List> OPEN_OR_JOIN = RedisScript.of("""
            local session = redis.call('HGET', KEYS[1], 'sessionId')
            local opened = 0
            if not session then
              session = ARGV[1]
              redis.call('HSET', KEYS[1], 'sessionId', session, 'openedAt', ARGV[3])
              redis.call('DEL', KEYS[2])
              opened = 1
            end
            redis.call('SADD', KEYS[2], ARGV[2])
            redis.call('EXPIRE', KEYS[1], ARGV[4])
            redis.call('EXPIRE', KEYS[2], ARGV[4])
            return {session, opened}
            """, List.class);

    /** Moves the first table's session (and its guests) to the second, unless that one has a session of its own. */
    private static final RedisScript<Long> MOVE = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            if redis.call('EXISTS', KEYS[3]) == 1 then return -1 end
            redis.call('RENAME', KEYS[1], KEYS[3])
            if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('RENAME', KEYS[2], KEYS[4]) end
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final ScanProperties properties;
    private final Clock clock;

    TableSessions(StringRedisTemplate redis, ScanProperties properties, Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    /** Joins the table's open session as a new guest, opening the session first if none is open. */
    Joined join(UUID tenantId, UUID tableId) {
        UUID guest = Uuid7.next();
        List<?> result = redis.execute(OPEN_OR_JOIN, List.of(sessionKey(tenantId, tableId), guestsKey(tenantId, tableId)),
                Uuid7.next().toString(), guest.toString(), clock.instant().toString(),
                Long.toString(properties.sessionIdle().toSeconds()));
        redis.opsForHash().increment(scansKey(tenantId), tableId.toString(), 1);
        return new Joined(UUID.fromString((String) result.get(0)), guest, ((Number) result.get(1)).longValue() == 1);
    }

    Optional<OpenSession> find(UUID tenantId, UUID tableId) {
        Map<Object, Object> session = redis.opsForHash().entries(sessionKey(tenantId, tableId));
        if (session.isEmpty() || !session.containsKey("sessionId")) {
            return Optional.empty();
        }
        Long guests = redis.opsForSet().size(guestsKey(tenantId, tableId));
        return Optional.of(new OpenSession(UUID.fromString((String) session.get("sessionId")), tableId,
                Instant.parse((String) session.get("openedAt")), guests == null ? 0 : guests));
    }

    /** Ends the table's session: the next scan opens a new one. Whether one was open. */
    boolean close(UUID tenantId, UUID tableId) {
        Long removed = redis.delete(List.of(sessionKey(tenantId, tableId), guestsKey(tenantId, tableId)));
        return removed != null && removed > 0;
    }

    /**
     * Moves the party at one table to another (table 4 to table 9): its session, with every guest, is the other
     * table's from now on, and the first table is free for the next party.
     */
    Move move(UUID tenantId, UUID fromTableId, UUID toTableId) {
        Long moved = redis.execute(MOVE, List.of(sessionKey(tenantId, fromTableId), guestsKey(tenantId, fromTableId),
                sessionKey(tenantId, toTableId), guestsKey(tenantId, toTableId)));
        return moved == null || moved == 0 ? Move.NO_SESSION : moved < 0 ? Move.TARGET_OCCUPIED : Move.MOVED;
    }

    enum Move { MOVED, NO_SESSION, TARGET_OCCUPIED }

    long scans(UUID tenantId, UUID tableId) {
        Object count = redis.opsForHash().get(scansKey(tenantId), tableId.toString());
        return count == null ? 0 : Long.parseLong(count.toString());
    }

    private static String sessionKey(UUID tenantId, UUID tableId) {
        return "qr:" + tenantId + ":table:" + tableId + ":session";
    }

    private static String guestsKey(UUID tenantId, UUID tableId) {
        return sessionKey(tenantId, tableId) + ":guests";
    }

    private static String scansKey(UUID tenantId) {
        return "qr:" + tenantId + ":scans";
    }

    /** @param opened whether this scan opened the session (the first phone at the table) */
    record Joined(UUID sessionId, UUID guestId, boolean opened) {
    }

    record OpenSession(UUID sessionId, UUID tableId, Instant openedAt, long guests) {
    }
}
