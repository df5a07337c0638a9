package io.urop.qr.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
 * Per tenant (one Redis Cluster slot, {@link TableSessionKeys}): for each table with a session a key naming it; for
 * each session a hash (its tables, when it opened and when it ends, its approval, the sessions merged into it), a hash
 * of its guests and the table each sits at, and a hash of its phones (their device keys) and the guest each is; a
 * merged session's hash names the session it went into until that one ends. Every change is one script
 * ({@code redis/table-session-*.lua}), so that two staff members or a scan racing a close never leave half a change;
 * the scripts answer names and values, read here into records. Outside the tenants' slots, one sorted set of every
 * session by its end, which {@link OverdueSessions} reads.
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
        Optional<Reply> reply = Reply.of(redis.execute(JOIN,
                List.of(TableSessionKeys.table(tenantId, tableId), TableSessionKeys.scans(tenantId)),
                TableSessionKeys.prefix(tenantId), session.toString(), Uuid7.next().toString(), tableId.toString(),
                now.toString(), idle(), approvalIfOpened.name(), mayOpen ? "1" : "0", deviceKey, millis(now),
                millis(endsAt), Integer.toString(properties.maxGuestsPerTable()), newDeviceKey));
        if (reply.isEmpty()) {
            return new NoSession();
        }
        UUID sessionId = reply.get().id("session");
        return switch (reply.get().text("outcome")) {
            case "full" -> new Full(sessionId);
            case "over" -> new Over(sessionId);
            default -> {
                if (reply.get().flag("opened")) {
                    endsAt(tenantId, sessionId, endsAt);
                }
                yield new Joined(sessionId, reply.get().id("guest"), reply.get().flag("knownPhone"));
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
        Long opened = redis.execute(OPEN, List.of(TableSessionKeys.table(tenantId, tableId)),
                TableSessionKeys.prefix(tenantId), session.toString(), tableId.toString(), now.toString(), openedBy,
                idle(), millis(endsAt));
        if (opened == null || opened != 1) {
            return false;
        }
        endsAt(tenantId, session, endsAt);
        return true;
    }

    // apart from the script (another Cluster slot): should this fail, the session still ends at its end, when next
    // used, rather than unused at that time
    private void endsAt(UUID tenantId, UUID sessionId, Instant endsAt) {
        redis.opsForZSet().add(TableSessionKeys.SESSION_ENDS, TableSessionKeys.sessionEndsMember(tenantId, sessionId),
                endsAt.toEpochMilli());
    }

    /** The session at the table now. */
    Optional<OpenSession> atTable(UUID tenantId, UUID tableId) {
        return Reply.of(redis.execute(AT_TABLE, List.of(TableSessionKeys.table(tenantId, tableId)),
                TableSessionKeys.prefix(tenantId))).map(session -> session.openSession(tableId));
    }

    /** The session, seen from its first table; empty once it ended or went into another. */
    Optional<OpenSession> byId(UUID tenantId, UUID sessionId) {
        return Reply.of(redis.execute(BY_ID, List.of(TableSessionKeys.session(tenantId, sessionId)),
                TableSessionKeys.prefix(tenantId), sessionId.toString())).map(session -> session.openSession(null));
    }

    /**
     * Where a diner's guest is now: the session their token names or, once that was merged, the one it went into, and
     * the table they sit at (after a move, the new one). Counts as the session being in use. Empty once it ended or
     * reached its end.
     */
    Optional<Seat> seatOf(UUID tenantId, UUID sessionId, String guestId) {
        return Reply.of(redis.execute(FOR_GUEST, List.of(TableSessionKeys.session(tenantId, sessionId)),
                TableSessionKeys.prefix(tenantId), sessionId.toString(), guestId, idle(), millis(clock.instant())))
                .map(seat -> new Seat(seat.id("session"), seat.id("table")));
    }

    /** {@link #seatOf} and the session it names, in one round trip: what a diner sees of their session. */
    Optional<Seated> seated(UUID tenantId, UUID sessionId, String guestId) {
        return Reply.of(redis.execute(SEATED, List.of(TableSessionKeys.session(tenantId, sessionId)),
                TableSessionKeys.prefix(tenantId), sessionId.toString(), guestId, idle(), millis(clock.instant())))
                .map(seated -> new Seated(seated.openSession(null), seated.id("table")));
    }

    /** Whether someone at the session asked for staff for this reason within the last window (see {@link #calledStaff}). */
    boolean staffCalledRecently(UUID tenantId, UUID sessionId, String reason) {
        return Boolean.TRUE.equals(redis.hasKey(TableSessionKeys.assistance(tenantId, sessionId, reason)));
    }

    void calledStaff(UUID tenantId, UUID sessionId, String reason, Duration window) {
        redis.opsForValue().set(TableSessionKeys.assistance(tenantId, sessionId, reason), millis(clock.instant()), window);
    }

    /** Ends the session as {@code announced}: {@code false} if it was already over; 409 if it changed meanwhile. */
    Change close(UUID tenantId, OpenSession announced) {
        return change(redis.execute(CLOSE, List.of(TableSessionKeys.session(tenantId, announced.sessionId())),
                TableSessionKeys.prefix(tenantId), announced.sessionId().toString(), join(announced.tableIds()),
                join(announced.mergedSessionIds())));
    }

    Change move(UUID tenantId, OpenSession session, UUID toTableId) {
        return change(redis.execute(MOVE, List.of(TableSessionKeys.table(tenantId, session.tableId()),
                TableSessionKeys.table(tenantId, toTableId)), TableSessionKeys.prefix(tenantId),
                session.sessionId().toString(), session.tableId().toString(), toTableId.toString()));
    }

    Change merge(UUID tenantId, OpenSession into, OpenSession from) {
        return change(redis.execute(MERGE, List.of(TableSessionKeys.table(tenantId, into.tableId()),
                TableSessionKeys.table(tenantId, from.tableId())), TableSessionKeys.prefix(tenantId),
                into.sessionId().toString(), from.sessionId().toString(), idle()));
    }

    Change approve(UUID tenantId, UUID sessionId, String approvedBy, Instant at) {
        Long result = redis.execute(APPROVE, List.of(TableSessionKeys.session(tenantId, sessionId)),
                TableSessionKeys.prefix(tenantId), sessionId.toString(), approvedBy, at.toString());
        return result == null || result < 0 ? Change.GONE : result == 0 ? Change.CONFLICT : Change.DONE;
    }

    long scans(UUID tenantId, UUID tableId) {
        Object count = redis.opsForHash().get(TableSessionKeys.scans(tenantId), tableId.toString());
        return count == null ? 0 : Long.parseLong(count.toString());
    }

    /**
     * Sessions of any tenant whose end is {@code at} or earlier, earliest first, skipping the first {@code skip}: some
     * may have ended or been merged since.
     */
    List<Due> due(Instant at, long skip, int count) {
        Set<String> members = redis.opsForZSet().rangeByScore(TableSessionKeys.SESSION_ENDS, Double.NEGATIVE_INFINITY,
                at.toEpochMilli(), skip, count);
        if (members == null) {
            return List.of();
        }
        return members.stream().map(TableSessionKeys::due).toList();
    }

    /** Forgets when a session ends, once it is over. */
    void forget(Due due) {
        redis.opsForZSet().remove(TableSessionKeys.SESSION_ENDS,
                TableSessionKeys.sessionEndsMember(due.tenantId(), due.sessionId()));
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

    private static String join(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    /**
     * {@code redis/table-session-<part>.lua}, the parts one after the other (the functions it uses first, then the
     * script), read once. A script read from a String is hashed once; one given as a Resource would have its file's
     * modification time read again at every call.
     */
    private static <T> RedisScript<T> script(Class<T> answer, String... parts) {
        StringBuilder source = new StringBuilder();
        for (String part : parts) {
            try {
                source.append(new ClassPathResource("redis/table-session-" + part + ".lua")
                        .getContentAsString(StandardCharsets.UTF_8)).append('\n');
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return RedisScript.of(source.toString(), answer);
    }

    /**
     * A script's answer, names and values as the script documents them ({@code {'session', <id>, 'table', <id>}}); no
     * answer when the script answered nothing.
     */
    private record Reply(Map<String, Object> fields) {

        static Optional<Reply> of(List<?> answer) {
            if (answer == null || answer.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> fields = new HashMap<>();
            for (int i = 0; i + 1 < answer.size(); i += 2) {
                fields.put(String.valueOf(answer.get(i)), answer.get(i + 1));
            }
            return Optional.of(new Reply(fields));
        }

        /** The value, empty if the script gave none. */
        String text(String name) {
            Object value = fields.get(name);
            return value == null ? "" : value.toString();
        }

        Optional<String> optional(String name) {
            return Optional.of(text(name)).filter(value -> !value.isEmpty());
        }

        UUID id(String name) {
            return UUID.fromString(text(name));
        }

        List<UUID> ids(String name) {
            return optional(name).map(joined -> Arrays.stream(joined.split(",")).map(UUID::fromString).toList())
                    .orElse(List.of());
        }

        boolean flag(String name) {
            return "1".equals(text(name));
        }

        long number(String name) {
            return Long.parseLong(text(name));
        }

        /** table-session-read's answer, seen from {@code tableId} (null: from its first table). */
        OpenSession openSession(UUID tableId) {
            List<UUID> tables = ids("tables");
            return new OpenSession(id("session"), tableId != null ? tableId : tables.get(0), tables,
                    Instant.parse(text("openedAt")),
                    optional("endsAt").map(millis -> Instant.ofEpochMilli(Long.parseLong(millis))).orElse(null),
                    number("guests"), Approval.valueOf(text("approval")), optional("approvedBy").orElse(null),
                    optional("approvedAt").map(Instant::parse).orElse(null), ids("merged"));
        }
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
