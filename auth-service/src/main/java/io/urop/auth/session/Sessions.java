package io.urop.auth.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.urop.auth.ClientInfo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sessions table: sign-in sessions, each the family of its refresh tokens ({@link RefreshTokens}). Callers run in
 * a transaction bound to the session's tenant, except {@link #deleteEnded}.
 */
@Repository
public class Sessions {

    private final JdbcClient jdbc;

    Sessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID tenantId, UUID accountId, Instant createdAt, Instant expiresAt, ClientInfo client) {
        jdbc.sql("""
                insert into sessions (id, tenant_id, account_id, created_at, expires_at, client_ip, user_agent)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, accountId, Timestamp.from(createdAt), Timestamp.from(expiresAt), client.ip(),
                        client.userAgent())
                .update();
    }

    /** The session, locked until the transaction ends. */
    Optional<StoredSession> lock(UUID id) {
        return jdbc.sql("select * from sessions where id = ? for update").param(id).query(StoredSession::map)
                .optional();
    }

    /** The account's sessions that are not revoked, locked until the transaction ends. */
    List<StoredSession> lockUnrevokedOf(UUID accountId) {
        return jdbc.sql("select * from sessions where account_id = ? and revoked_at is null for update")
                .param(accountId).query(StoredSession::map).list();
    }

    void extend(UUID id, Instant expiresAt) {
        jdbc.sql("update sessions set expires_at = ? where id = ?").params(Timestamp.from(expiresAt), id).update();
    }

    void markRevoked(UUID id, String reason, Instant at) {
        jdbc.sql("update sessions set revoked_at = ?, revoked_reason = ? where id = ?")
                .params(Timestamp.from(at), reason, id).update();
    }

    /**
     * Deletes the sessions, of every tenant, that expired or were revoked over a day ago, and with them (by cascade)
     * their refresh tokens; only a transaction marked for the purge sees them (migration V6).
     *
     * @return how many sessions
     */
    public int deleteEnded() {
        return jdbc.sql("delete from sessions where coalesce(revoked_at, expires_at) < now() - interval '1 day'")
                .update();
    }

    record StoredSession(UUID id, UUID tenantId, UUID accountId, Instant createdAt, Instant expiresAt,
            Instant revokedAt) {

        static StoredSession map(ResultSet rs, int row) throws SQLException {
            Timestamp revokedAt = rs.getTimestamp("revoked_at");
            return new StoredSession(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                    rs.getObject("account_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("expires_at").toInstant(), revokedAt == null ? null : revokedAt.toInstant());
        }
    }
}
