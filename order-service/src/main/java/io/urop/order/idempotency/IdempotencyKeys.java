package io.urop.order.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import io.urop.web.IdempotencyKey;
import io.urop.web.IdempotencyKeyReused;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The idempotency_keys table. A creating request claims its caller's key, in its own transaction, before it creates
 * anything; a request with the same key that arrives meanwhile waits on that claim (the key is the table's primary
 * key) and, once the first commits, finds what it created. A first request that fails rolls its claim back, so a
 * retry runs anew.
 */
@Repository
public class IdempotencyKeys {

    private static final long PURGE_LOCK = 0x75726f704b657973L;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IdempotencyKeys(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Claims the key for the resource about to be created, or tells what an earlier request with it created.
     *
     * @param request the request as received: a repeat must be the same request
     * @return empty when the key is claimed now (go on and create {@code resourceId}); else the resource the first
     *         request created
     * @throws KeyReused when the key was used for a different request
     */
    public Optional<UUID> claim(UUID tenantId, String caller, IdempotencyKey key, Object request, UUID resourceId,
            Instant now) {
        String fingerprint = fingerprint(request);
        int claimed = jdbc.sql("""
                insert into idempotency_keys (tenant_id, caller, key, fingerprint, resource_id, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(tenantId, caller, key.value(), fingerprint, resourceId, Timestamp.from(now))
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        Earlier earlier = jdbc.sql("""
                select fingerprint, resource_id from idempotency_keys where tenant_id = ? and caller = ? and key = ?""")
                .params(tenantId, caller, key.value())
                .query((rs, row) -> new Earlier(rs.getString("fingerprint"), rs.getObject("resource_id", UUID.class)))
                .single();
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused();
        }
        return Optional.of(earlier.resourceId());
    }

    /** What an earlier request with this key created, if one did. */
    public Optional<UUID> earlier(UUID tenantId, String caller, IdempotencyKey key) {
        return jdbc.sql("select resource_id from idempotency_keys where tenant_id = ? and caller = ? and key = ?")
                .params(tenantId, caller, key.value()).query(UUID.class).optional();
    }

    /**
     * Deletes, across tenants, the keys claimed before {@code before}; one instance at a time (an advisory lock held
     * until the transaction ends), the others skip the round.
     *
     * @return how many were deleted
     */
    int deleteClaimedBefore(Instant before) {
        if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(PURGE_LOCK)
                .query(Boolean.class).single())) {
            return 0;
        }
        jdbc.sql("select set_config('app.purge', 'expired', true)").query().singleValue();
        return jdbc.sql("delete from idempotency_keys where created_at < ?").param(Timestamp.from(before)).update();
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Earlier(String fingerprint, UUID resourceId) {
    }
}
