package io.urop.auth.session;

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
 * The refresh_tokens table: each token's SHA-256 hash, never the token. Callers run in a transaction bound to the
 * token's tenant, except {@link #tenantOf}.
 */
@Repository
class RefreshTokens {

    private final JdbcClient jdbc;

    RefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The tenant of the token with that hash, whatever the tenant: its own transaction binds the hash as its lookup
     * key, which the {@code lookup_by_hash} policy lets it read (and nothing else), and the binding ends with it.
     */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    Optional<UUID> tenantOf(String hash) {
        Lookup.bind(jdbc, hash);
        return jdbc.sql("select tenant_id from refresh_tokens where token_hash = ?").param(hash).query(UUID.class)
                .optional();
    }

    /** The token, locked until the transaction ends. */
    StoredToken lock(String hash) {
        return jdbc.sql("select * from refresh_tokens where token_hash = ? for update").param(hash)
                .query(StoredToken::map).single();
    }

    void insert(String hash, UUID tenantId, UUID sessionId, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("""
                insert into refresh_tokens (token_hash, tenant_id, session_id, issued_at, expires_at)
                values (?, ?, ?, ?, ?)""")
                .params(hash, tenantId, sessionId, Timestamp.from(issuedAt), Timestamp.from(expiresAt))
                .update();
    }

    /** The token has been exchanged for a new pair. */
    void markRotated(String hash, Instant at) {
        jdbc.sql("update refresh_tokens set rotated_at = ? where token_hash = ?").params(Timestamp.from(at), hash)
                .update();
    }

    /** The rotated token has had the one more exchange the reuse grace allows. */
    void markGraceUsed(String hash, Instant at) {
        jdbc.sql("update refresh_tokens set grace_used_at = ? where token_hash = ?").params(Timestamp.from(at), hash)
                .update();
    }

    record StoredToken(UUID sessionId, Instant expiresAt, Instant rotatedAt, Instant graceUsedAt) {

        static StoredToken map(ResultSet rs, int row) throws SQLException {
            return new StoredToken(rs.getObject("session_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
                    instant(rs.getTimestamp("rotated_at")), instant(rs.getTimestamp("grace_used_at")));
        }

        private static Instant instant(Timestamp timestamp) {
            return timestamp == null ? null : timestamp.toInstant();
        }
    }
}
