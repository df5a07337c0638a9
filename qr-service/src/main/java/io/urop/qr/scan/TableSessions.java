package io.urop.qr.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.urop.events.Uuid7;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The tables' open sessions, in Redis. The phones that scan a table's code while its session is open join it as
 * guests, each phone once (a phone that scans again is the guest it already is), up to
 * {@link ScanProperties#maxGuestsPerTable()} for each of its tables. The session ends when staff close it, when its
 * bill is settled, when its table's code is replaced or the table taken out of service, when it reaches
 * {@link ScanProperties#sessionMaxLife()}, or when nobody used it for {@link ScanProperties#sessionIdle()}. A later
 * scan opens a new one, so a code photographed at one meal never joins a later party's session. Staff can move a
 * session to another table and merge two tables' sessions into one.
 * <p>
 * Per tenant (one Redis Cluster slot, by the {@code {tenant}} hash tag): for each table with a session a key naming
 * it; for each session a hash (its tables, when it opened and when it ends, its approval, the sessions merged into
 * it), a hash of its guests and the table each sits at, and a hash of its phones (their device keys) and the guest
 * each is; a merged session's hash names the session it went into until that one ends. Every change is one script
 * ({@code redis/table-session-*.lua}), so that two staff members or a scan racing a close never leave half a change.
 * Outside the tenants' slots, one sorted set of every session by its end, which {@link OverdueSessions} reads.
 */
@Component
class TableSessions {

    private static final RedisScript<List> JOIN = script(List.class, "touch", "join");
    private static final RedisScript<Long> OPEN = script(Long.class, "touch", "open");
    private static final RedisScript<List> AT_TABLE = script(List.class, "read", "at-table");
    private static final RedisScript<List> BY_ID = script(List.class, "read", "by-id");
    private static final RedisScript<List> FOR_GUEST = script(List.class, "touch", "seat", "for-guest");
    private static final RedisScript<List> SEATED = script(List.class, "touch", "seat", "read", "seated");
    private static final RedisScript<Long> CLOSE = script(Long.class, "close");
    private static final RedisScript<Long> MOVE = script(Long.class, "move");
    private static final RedisScript<Long> MERGE = script(Long.class, "touch", "merge");
    private static final RedisScript<Long> APPROVE = script(Long.class, "approve");

    /** Every session opened and when it ends, as {@code <tenant>/<session>} scored by epoch milliseconds. */
    private static final String ENDS_KEY = "qr:session-ends";

    private final StringRedisTemplate redis;
    private final ScanProperties properties;
    private final Clock clock;

    TableSessions(StringRedisTemplate redis, ScanProperties properties, Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A phone joins the table's open session: as the guest it already is in it, if the session knows {@code deviceKey}
     * (empty for a phone without one), else as a new guest known from now on by {@code newDeviceKey}, if the session
     * has room for one; the session opens first if the table has none and {@code mayOpen}.
     */
    Join join(UUID tenantId, UUID tableId, boolean mayOpen, Approval approvalIfOpened, String deviceKey,
            String newDeviceKey) {
        Instant now = clock.instant();
        UUID session = Uuid7.next();
        Instant endsAt = now.plus(properties.sessionMaxLife());
        List<?> result = redis.execute(JOIN, List.of(tableKey(tenantId, tableId), scansKey(tenantId)), prefix(tenantId),
                session.toString(), Uuid7.next().toString(), tableId.toString(), now.toString(), idle(),
                approvalIfOpened.name(), mayOpen ? "1" : "0", deviceKey, millis(now), millis(endsAt),
                Integer.toString(properties.maxGuestsPerTable()), newDeviceKey);
        if (result == null || result.isEmpty()) {
            return new NoSession();
        }
        UUID sessionId = UUID.fromString((String) result.get(1));
        return switch ((String) result.get(0)) {
            case "full" -> new Full(sessionId);
            case "over" -> new Over(sessionId);
            default -> {
                if ("1".equals(result.get(3))) {
                    endsAt(tenantId, sessionId, endsAt);
                }
                yield new Joined(sessionId, UUID.fromString((String) result.get(2)), "1".equals(result.get(4)));
            }
        };
    }

    /**
     * Staff seat a party: the table's session opens before any phone scans, approved by whoever opened it. {@code
     * false} if the table has a session already.
     */
    boolean open(UUID tenantId, UUID tableId, String openedBy) {
        Instant now = clock.instant();
        UUID session = Uuid7.next();
        Instant endsAt = now.plus(properties.sessionMaxLife());
        Long opened = redis.execute(OPEN, List.of(tableKey(tenantId, tableId)), prefix(tenantId),
                session.toString(), tableId.toString(), now.toString(), openedBy, idle(), millis(endsAt));
        if (opened == null || opened != 1) {
            return false;
        }
        endsAt(tenantId, session, endsAt);
        return true;
    }

    // apart from the script (another Cluster slot): should this fail, the session still ends at its end, when next
    // used, rather than unused at that time
    private void endsAt(UUID tenantId, UUID sessionId, Instant endsAt) {
        redis.opsForZSet().add(ENDS_KEY, tenantId + "/" + sessionId, endsAt.toEpochMilli());
    }

    /** The session at the table now. */
    Optional<OpenSession> atTable(UUID tenantId, UUID tableId) {
        return session(redis.execute(AT_TABLE, List.of(tableKey(tenantId, tableId)), prefix(tenantId)), tableId);
    }

    /** The session, seen from its first table; empty once it ended or went into another. */
    Optional<OpenSession> byId(UUID tenantId, UUID sessionId) {
        return session(redis.execute(BY_ID, List.of(sessionKey(tenantId, sessionId)), prefix(tenantId),
                sessionId.toString()), null);
    }

    private static Optional<OpenSession> session(List<?> fields, UUID seenFrom) {
        if (fields == null || fields.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> tables = ids((String) fields.get(1));
        String approvedBy = (String) fields.get(4);
        String approvedAt = (String) fields.get(5);
        String endsAt = (String) fields.get(8);
        return Optional.of(new OpenSession(UUID.fromString((String) fields.get(0)),
                seenFrom != null ? seenFrom : tables.get(0), tables, Instant.parse((String) fields.get(2)),
                endsAt.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(endsAt)),
                ((Number) fields.get(7)).longValue(), Approval.valueOf((String) fields.get(3)),
                approvedBy.isEmpty() ? null : approvedBy, approvedAt.isEmpty() ? null : Instant.parse(approvedAt),
                ids((String) fields.get(6))));
    }

    /**
     * Where a diner's guest is now: the session their token names or, once that was merged, the one it went into, and
     * the table they sit at (after a move, the new one). Counts as the session being in use. Empty once it ended or
     * reached its end.
     */
    Optional<Seat> seatOf(UUID tenantId, UUID sessionId, String guestId) {
        List<?> found = redis.execute(FOR_GUEST, List.of(sessionKey(tenantId, sessionId)), prefix(tenantId),
                sessionId.toString(), guestId, idle(), millis(clock.instant()));
        if (found == null || found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Seat(UUID.fromString((String) found.get(0)), UUID.fromString((String) found.get(1))));
    }

    /** {@link #seatOf} and the session it names, in one round trip: what a diner sees of their session. */
    Optional<Seated> seated(UUID tenantId, UUID sessionId, String guestId) {
        List<?> found = redis.execute(SEATED, List.of(sessionKey(tenantId, sessionId)), prefix(tenantId),
                sessionId.toString(), guestId, idle(), millis(clock.instant()));
        if (found == null || found.isEmpty()) {
            return Optional.empty();
        }
        return session(found.subList(0, found.size() - 1), null)
                .map(session -> new Seated(session, UUID.fromString((String) found.get(found.size() - 1))));
    }

    /** Ends the session as {@code announced}: {@code false} if it was already over; 409 if it changed meanwhile. */
    Change close(UUID tenantId, OpenSession announced) {
        return change(redis.execute(CLOSE, List.of(sessionKey(tenantId, announced.sessionId())), prefix(tenantId),
                announced.sessionId().toString(), join(announced.tableIds()), join(announced.mergedSessionIds())));
    }

    Change move(UUID tenantId, OpenSession session, UUID toTableId) {
        return change(redis.execute(MOVE, List.of(tableKey(tenantId, session.tableId()), tableKey(tenantId, toTableId)),
                prefix(tenantId), session.sessionId().toString(), session.tableId().toString(), toTableId.toString()));
    }

    Change merge(UUID tenantId, OpenSession into, OpenSession from) {
        return change(redis.execute(MERGE, List.of(tableKey(tenantId, into.tableId()), tableKey(tenantId, from.tableId())),
                prefix(tenantId), into.sessionId().toString(), from.sessionId().toString(), idle()));
    }

    Change approve(UUID tenantId, UUID sessionId, String approvedBy, Instant at) {
        Long result = redis.execute(APPROVE, List.of(sessionKey(tenantId, sessionId)), prefix(tenantId),
                sessionId.toString(), approvedBy, at.toString());
        return result == null || result < 0 ? Change.GONE : result == 0 ? Change.CONFLICT : Change.DONE;
    }

    long scans(UUID tenantId, UUID tableId) {
        Object count = redis.opsForHash().get(scansKey(tenantId), tableId.toString());
        return count == null ? 0 : Long.parseLong(count.toString());
    }

    /**
     * Sessions of any tenant whose end is {@code at} or earlier, earliest first, skipping the first {@code skip}: some
     * may have ended or been merged since.
     */
    List<Due> due(Instant at, long skip, int count) {
        Set<String> members = redis.opsForZSet().rangeByScore(ENDS_KEY, Double.NEGATIVE_INFINITY, at.toEpochMilli(),
                skip, count);
        if (members == null) {
            return List.of();
        }
        return members.stream().map(member -> new Due(UUID.fromString(member.substring(0, member.indexOf('/'))),
                UUID.fromString(member.substring(member.indexOf('/') + 1)))).toList();
    }

    /** Forgets when a session ends, once it is over. */
    void forget(Due due) {
        redis.opsForZSet().remove(ENDS_KEY, due.tenantId() + "/" + due.sessionId());
    }

    private static Change change(Long result) {
        return result == null || result == 0 ? Change.GONE : result < 0 ? Change.CONFLICT : Change.DONE;
    }

    private String idle() {
        return Long.toString(properties.sessionIdle().toSeconds());
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private static String prefix(UUID tenantId) {
        return "qr:{" + tenantId + "}:";
    }

    private static String tableKey(UUID tenantId, UUID tableId) {
        return prefix(tenantId) + "table:" + tableId + ":session";
    }

    private static String sessionKey(UUID tenantId, UUID sessionId) {
        return prefix(tenantId) + "session:" + sessionId;
    }

    private static String scansKey(UUID tenantId) {
        return prefix(tenantId) + "scans";
    }

    private static List<UUID> ids(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.stream(joined.split(",")).map(UUID::fromString).toList();
    }

    private static String join(Collection<UUID> ids) {
        List<String> parts = new ArrayList<>();
        ids.forEach(id -> parts.add(id.toString()));
        return String.join(",", parts);
    }

    /** {@code redis/table-session-<part>.lua}, the parts one after the other: functions first, then the script. */
    private static <T> RedisScript<T> script(Class<T> answer, String... parts) {
        StringBuilder source = new StringBuilder();
        for (String part : parts) {
            try (InputStream in = new ClassPathResource("redis/table-session-" + part + ".lua").getInputStream()) {
                source.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return RedisScript.of(source.toString(), answer);
    }

    /** What became of a change: made, refused because the session changed meanwhile, or the session is over. */
    enum Change { DONE, CONFLICT, GONE }

    /** Whether staff approve a session before its first order goes to the kitchen, and whether they did. */
    enum Approval { NOT_REQUIRED, REQUIRED, APPROVED }

    /** What a scan found at its table. */
    sealed interface Join permits Joined, Full, Over, NoSession {
    }

    /**
     * The session the phone joined, and the guest it is in it.
     *
     * @param knownPhone whether it was that guest already (it scanned before), or came in as a new one
     */
    record Joined(UUID sessionId, UUID guestId, boolean knownPhone) implements Join {
    }

    /** The session has as many guests as it takes, and the phone is not one of them. */
    record Full(UUID sessionId) implements Join {
    }

    /** The table's session reached its end: it must be closed before anyone joins the table. */
    record Over(UUID sessionId) implements Join {
    }

    /** The table has no session, and may not open one now. */
    record NoSession() implements Join {
    }

    /** A session whose end has come, of one tenant. */
    record Due(UUID tenantId, UUID sessionId) {
    }

    /** A guest's session now, and the table they sit at. */
    record Seat(UUID sessionId, UUID tableId) {
    }

    /** A guest's session now, whole, and the table they sit at. */
    record Seated(OpenSession session, UUID tableId) {
    }

    /**
     * A table's open session, seen from that table.
     *
     * @param endsAt           when it ends whatever the activity (none for a session opened before sessions had one)
     * @param tableIds         every table it holds, more than one once staff merged sessions
     * @param mergedSessionIds the sessions merged into it
     */
    record OpenSession(UUID sessionId, UUID tableId, List<UUID> tableIds, Instant openedAt, Instant endsAt, long guests,
            Approval approval, String approvedBy, Instant approvedAt, List<UUID> mergedSessionIds) {

        boolean overAt(Instant now) {
            return endsAt != null && !endsAt.isAfter(now);
        }
    }
}
