package io.urop.qr.scan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.urop.events.Uuid7;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The tables' open sessions, in Redis. The phones that scan a table's code while its session is open join it as
 * guests; the session ends when staff close it, when its bill is settled, or when nobody scanned for
 * {@link ScanProperties#sessionIdle()}. A later scan opens a new one, so a code photographed at one meal never joins a
 * later party's session. Staff can move a session to another table and merge two tables' sessions into one.
 * <p>
 * Per tenant (one Redis Cluster slot, by the {@code {tenant}} hash tag): for each table with a session a key naming
 * it; for each session a hash (its tables, when it opened, its approval, the sessions merged into it) and a hash of
 * its guests and the table each sits at; a merged session's hash names the session it went into until that one ends.
 * Every change is one script, so that two staff members or a scan racing a close never leave half a change.
 */
@Component
class TableSessions {

    /** Renews every key of session KEYS[1]: its guests, its tables' keys, and the sessions merged into it. */
    private static final String TOUCH = """
            local function touch(prefix, session, ttl)
              redis.call('EXPIRE', session, ttl)
              redis.call('EXPIRE', session .. ':guests', ttl)
              local fields = redis.call('HMGET', session, 'tables', 'merged')
              for t in string.gmatch(fields[1] or '', '[^,]+') do
                redis.call('EXPIRE', prefix .. 'table:' .. t .. ':session', ttl)
              end
              for m in string.gmatch(fields[2] or '', '[^,]+') do
                redis.call('EXPIRE', prefix .. 'session:' .. m, ttl)
              end
            end
            """;

    /**
     * Joins the session of table KEYS[1] as guest ARGV[3], opening one (ARGV[2]) if the table has none and ARGV[8]
     * allows it, and counts the scan in the tenant's scan counts KEYS[2]. Answers {session}, or nothing when it may
     * not open one.
     */
    private static final RedisScript<List> JOIN = RedisScript.of(TOUCH + """
            local prefix, table_id, now, ttl = ARGV[1], ARGV[4], ARGV[5], ARGV[6]
            local sid = redis.call('GET', KEYS[1])
            if sid and redis.call('EXISTS', prefix .. 'session:' .. sid) == 0 then sid = false end
            if not sid then
              if ARGV[8] ~= '1' then return {} end
              sid = ARGV[2]
              redis.call('HSET', prefix .. 'session:' .. sid, 'openedAt', now, 'tables', table_id, 'approval', ARGV[7])
              redis.call('SET', KEYS[1], sid)
            end
            local session = prefix .. 'session:' .. sid
            redis.call('HSET', session .. ':guests', ARGV[3], table_id)
            touch(prefix, session, ttl)
            redis.call('HINCRBY', KEYS[2], table_id, 1)
            return {sid}
            """, List.class);

    /** Opens session ARGV[2] at table KEYS[1], approved by ARGV[5], unless the table has one: 1, or 0. */
    private static final RedisScript<Long> OPEN = RedisScript.of(TOUCH + """
            local prefix, sid, table_id, now, ttl = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[6]
            local current = redis.call('GET', KEYS[1])
            if current and redis.call('EXISTS', prefix .. 'session:' .. current) == 1 then return 0 end
            local session = prefix .. 'session:' .. sid
            redis.call('HSET', session, 'openedAt', now, 'tables', table_id, 'approval', 'APPROVED',
                       'approvedBy', ARGV[5], 'approvedAt', now)
            redis.call('SET', KEYS[1], sid)
            touch(prefix, session, ttl)
            return 1
            """, Long.class);

    /** Reads session {@code sid}: {sid, tables, openedAt, approval, approvedBy, approvedAt, merged, guests}, or nothing. */
    private static final String READ = """
            local function read(prefix, sid)
              if not sid then return {} end
              local session = prefix .. 'session:' .. sid
              local fields = redis.call('HMGET', session, 'tables', 'openedAt', 'approval', 'approvedBy', 'approvedAt',
                                        'merged')
              if not fields[1] then return {} end
              return {sid, fields[1], fields[2], fields[3], fields[4] or '', fields[5] or '', fields[6] or '',
                      redis.call('HLEN', session .. ':guests')}
            end
            """;

    /** The session of table KEYS[1], or nothing. */
    private static final RedisScript<List> AT_TABLE = RedisScript.of(READ + """
            return read(ARGV[1], redis.call('GET', KEYS[1]))
            """, List.class);

    /** Session ARGV[2], or nothing (also once it was merged into another). */
    private static final RedisScript<List> BY_ID = RedisScript.of(READ + """
            return read(ARGV[1], ARGV[2])
            """, List.class);

    /**
     * The session {@code sid} names now, following one merge, and the table its guest {@code guest} sits at; renews it.
     * Nothing once it ended or the guest is not in it.
     */
    private static final String SEAT = """
            local function seat(prefix, sid, guest, ttl)
              local into = redis.call('HGET', prefix .. 'session:' .. sid, 'mergedInto')
              if into then sid = into end
              local session = prefix .. 'session:' .. sid
              if redis.call('HEXISTS', session, 'tables') == 0 then return nil end
              local table_id = redis.call('HGET', session .. ':guests', guest)
              if not table_id then return nil end
              touch(prefix, session, ttl)
              return sid, table_id
            end
            """;

    /** Guest ARGV[3] of session ARGV[2]: {session, their table}, or nothing. */
    private static final RedisScript<List> FOR_GUEST = RedisScript.of(TOUCH + SEAT + """
            local sid, table_id = seat(ARGV[1], ARGV[2], ARGV[3], ARGV[4])
            if not sid then return {} end
            return {sid, table_id}
            """, List.class);

    /** Guest ARGV[3] of session ARGV[2]: the session as {@link #READ} reads it, then their table; or nothing. */
    private static final RedisScript<List> SEATED = RedisScript.of(TOUCH + SEAT + READ + """
            local sid, table_id = seat(ARGV[1], ARGV[2], ARGV[3], ARGV[4])
            if not sid then return {} end
            local session = read(ARGV[1], sid)
            session[#session + 1] = table_id
            return session
            """, List.class);

    /**
     * Ends session ARGV[2] if it still holds tables ARGV[3] and merged sessions ARGV[4] (what the caller announced):
     * 1, or 0 if it is gone, -1 if it changed meanwhile.
     */
    private static final RedisScript<Long> CLOSE = RedisScript.of("""
            local prefix, sid = ARGV[1], ARGV[2]
            local session = prefix .. 'session:' .. sid
            local fields = redis.call('HMGET', session, 'tables', 'merged')
            if not fields[1] then return 0 end
            if fields[1] ~= ARGV[3] or (fields[2] or '') ~= ARGV[4] then return -1 end
            for t in string.gmatch(fields[1], '[^,]+') do
              local pointer = prefix .. 'table:' .. t .. ':session'
              if redis.call('GET', pointer) == sid then redis.call('DEL', pointer) end
            end
            for m in string.gmatch(fields[2] or '', '[^,]+') do redis.call('DEL', prefix .. 'session:' .. m) end
            redis.call('DEL', session, session .. ':guests')
            return 1
            """, Long.class);

    /**
     * Moves session ARGV[2] from table KEYS[1] to free table KEYS[2] (ARGV[3] to ARGV[4]), its guests there with it:
     * 1, or 0 if the first table no longer holds it, -1 if the other table has a session.
     */
    private static final RedisScript<Long> MOVE = RedisScript.of("""
            local prefix, sid, from, to = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
            if redis.call('GET', KEYS[1]) ~= sid then return 0 end
            if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
            local session = prefix .. 'session:' .. sid
            local tables = {}
            for t in string.gmatch(redis.call('HGET', session, 'tables') or '', '[^,]+') do
              if t == from then tables[#tables + 1] = to else tables[#tables + 1] = t end
            end
            redis.call('HSET', session, 'tables', table.concat(tables, ','))
            redis.call('RENAME', KEYS[1], KEYS[2])
            local guests = redis.call('HGETALL', session .. ':guests')
            for i = 1, #guests, 2 do
              if guests[i + 1] == from then redis.call('HSET', session .. ':guests', guests[i], to) end
            end
            return 1
            """, Long.class);

    /**
     * Merges session ARGV[3] (of table KEYS[2]) into session ARGV[2] (of table KEYS[1]), if both tables still hold
     * them: its tables and guests become the other's, and its own hash names where it went. 1, or -1 if either
     * changed meanwhile.
     */
    private static final RedisScript<Long> MERGE = RedisScript.of(TOUCH + """
            local prefix, into, from, ttl = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
            if redis.call('GET', KEYS[1]) ~= into or redis.call('GET', KEYS[2]) ~= from then return -1 end
            local target, source = prefix .. 'session:' .. into, prefix .. 'session:' .. from
            local t = redis.call('HMGET', target, 'tables', 'merged', 'approval')
            local s = redis.call('HMGET', source, 'tables', 'merged', 'approval', 'approvedBy', 'approvedAt')
            if not t[1] or not s[1] then return -1 end
            for table_id in string.gmatch(s[1], '[^,]+') do
              redis.call('SET', prefix .. 'table:' .. table_id .. ':session', into)
            end
            local merged = from
            if t[2] and t[2] ~= '' then merged = t[2] .. ',' .. merged end
            if s[2] and s[2] ~= '' then merged = merged .. ',' .. s[2] end
            redis.call('HSET', target, 'tables', t[1] .. ',' .. s[1], 'merged', merged)
            if s[3] == 'APPROVED' and t[3] == 'REQUIRED' then
              redis.call('HSET', target, 'approval', 'APPROVED', 'approvedBy', s[4], 'approvedAt', s[5])
            end
            local guests = redis.call('HGETALL', source .. ':guests')
            for i = 1, #guests, 2 do redis.call('HSET', target .. ':guests', guests[i], guests[i + 1]) end
            redis.call('DEL', source, source .. ':guests')
            redis.call('HSET', source, 'mergedInto', into)
            for m in string.gmatch(s[2] or '', '[^,]+') do redis.call('HSET', prefix .. 'session:' .. m, 'mergedInto', into) end
            touch(prefix, target, ttl)
            return 1
            """, Long.class);

    /** Approves session ARGV[2] if it waits for approval: 1, 0 if it does not (any more), -1 if it is gone. */
    private static final RedisScript<Long> APPROVE = RedisScript.of("""
            local session = ARGV[1] .. 'session:' .. ARGV[2]
            local approval = redis.call('HGET', session, 'approval')
            if not approval then return -1 end
            if approval ~= 'REQUIRED' then return 0 end
            redis.call('HSET', session, 'approval', 'APPROVED', 'approvedBy', ARGV[3], 'approvedAt', ARGV[4])
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

    /**
     * Joins the table's open session as a new guest, opening it first if none is open and {@code mayOpen}. Empty if
     * the table has no session and may not open one.
     */
    Optional<Joined> join(UUID tenantId, UUID tableId, boolean mayOpen, Approval approvalIfOpened) {
        UUID guest = Uuid7.next();
        List<?> result = redis.execute(JOIN, List.of(tableKey(tenantId, tableId), scansKey(tenantId)), prefix(tenantId),
                Uuid7.next().toString(), guest.toString(), tableId.toString(), clock.instant().toString(), idle(),
                approvalIfOpened.name(), mayOpen ? "1" : "0");
        if (result == null || result.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Joined(UUID.fromString((String) result.get(0)), guest));
    }

    /**
     * Staff seat a party: the table's session opens before any phone scans, approved by whoever opened it. {@code
     * false} if the table has a session already.
     */
    boolean open(UUID tenantId, UUID tableId, String openedBy) {
        Long opened = redis.execute(OPEN, List.of(tableKey(tenantId, tableId)), prefix(tenantId),
                Uuid7.next().toString(), tableId.toString(), clock.instant().toString(), openedBy, idle());
        return opened != null && opened == 1;
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
        return Optional.of(new OpenSession(UUID.fromString((String) fields.get(0)),
                seenFrom != null ? seenFrom : tables.get(0), tables, Instant.parse((String) fields.get(2)),
                ((Number) fields.get(7)).longValue(), Approval.valueOf((String) fields.get(3)),
                approvedBy.isEmpty() ? null : approvedBy, approvedAt.isEmpty() ? null : Instant.parse(approvedAt),
                ids((String) fields.get(6))));
    }

    /**
     * Where a diner's guest is now: the session their token names or, once that was merged, the one it went into, and
     * the table they sit at (after a move, the new one). Counts as the session being in use. Empty once it ended.
     */
    Optional<Seat> seatOf(UUID tenantId, UUID sessionId, String guestId) {
        List<?> found = redis.execute(FOR_GUEST, List.of(sessionKey(tenantId, sessionId)), prefix(tenantId),
                sessionId.toString(), guestId, idle());
        if (found == null || found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Seat(UUID.fromString((String) found.get(0)), UUID.fromString((String) found.get(1))));
    }

    /** {@link #seatOf} and the session it names, in one round trip: what a diner sees of their session. */
    Optional<Seated> seated(UUID tenantId, UUID sessionId, String guestId) {
        List<?> found = redis.execute(SEATED, List.of(sessionKey(tenantId, sessionId)), prefix(tenantId),
                sessionId.toString(), guestId, idle());
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

    private static Change change(Long result) {
        return result == null || result == 0 ? Change.GONE : result < 0 ? Change.CONFLICT : Change.DONE;
    }

    private String idle() {
        return Long.toString(properties.sessionIdle().toSeconds());
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

    /** What became of a change: made, refused because the session changed meanwhile, or the session is over. */
    enum Change { DONE, CONFLICT, GONE }

    /** Whether staff approve a session before its first order goes to the kitchen, and whether they did. */
    enum Approval { NOT_REQUIRED, REQUIRED, APPROVED }

    /** The session a phone joined, and the guest it is in it. */
    record Joined(UUID sessionId, UUID guestId) {
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
     * @param tableIds         every table it holds, more than one once staff merged sessions
     * @param mergedSessionIds the sessions merged into it
     */
    record OpenSession(UUID sessionId, UUID tableId, List<UUID> tableIds, Instant openedAt, long guests,
            Approval approval, String approvedBy, Instant approvedAt, List<UUID> mergedSessionIds) {
    }
}
