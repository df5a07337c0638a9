package io.urop.auth.password;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.urop.tenancy.Lookup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The password_resets table: each reset's token as its SHA-256 hash, never the token. Callers run in a transaction
 * bound to the reset's tenant, except for {@link #tenantOf} and {@link #deleteExpired}.
 */
@Repository
public class PasswordResets {

    private final JdbcClient jdbc;

    PasswordResets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String tokenHash, UUID tenantId, UUID accountId, Instant requestedAt, Instant expiresAt) {
        jdbc.sql("""
                insert into password_resets (id, token_hash, tenant_id, account_id, requested_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, tokenHash, tenantId, accountId, Timestamp.from(requestedAt), Timestamp.from(expiresAt))
                .update();
    }

    Optional<StoredReset> find(UUID id) {
        return jdbc.sql("select account_id, expires_at, used_at from password_resets where id = ?").param(id)
                .query(StoredReset::map).optional();
    }

    /**
     * The tenant of the reset whose token has that hash, whatever the tenant: its own transaction binds the hash as
     * its lookup key, which the {@code lookup_by_hash} policy lets it read (and nothing else), and the binding ends
     * with it.
     */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    Optional<UUID> tenantOf(String tokenHash) {
        Lookup.bind(jdbc, tokenHash);
        return jdbc.sql("select tenant_id from password_resets where token_hash = ?").param(tokenHash)
                .query(UUID.class).optional();
    }

    /** The reset whose token has that hash, locked until the transaction ends. */
    StoredReset lock(String tokenHash) {
        return jdbc.sql("select account_id, expires_at, used_at from password_resets where token_hash = ? for update")
                .param(tokenHash).query(StoredReset::map).single();
    }

    /** Every reset of the account not used yet counts as used: its password changed, by whichever way. */
    void spendAll(UUID accountId, Instant at) {
        jdbc.sql("update password_resets set used_at = ? where account_id = ? and used_at is null")
                .params(Timestamp.from(at), accountId).update();
    }

    /**
     * Deletes the resets, of every tenant, that expired over a day ago; only a transaction marked for the purge sees
     * them (migration V6).
     *
     * @return how many
     */
    public int deleteExpired() {
        return jdbc.sql("delete from password_resets where expires_at < now() - interval '1 day'").update();
    }

    record StoredReset(UUID accountId, Instant expiresAt, Instant usedAt) {

        static StoredReset map(ResultSet rs, int row) throws SQLException {
            Timestamp usedAt = rs.getTimestamp("used_at");
            return new StoredReset(rs.getObject("account_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
                    usedAt == null ? null : usedAt.toInstant());
        }
    }
}
