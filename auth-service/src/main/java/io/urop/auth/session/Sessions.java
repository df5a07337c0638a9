package io.urop.auth.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.urop.audit.AuditLog;
import io.urop.auth.ClientInfo;
import io.urop.auth.OpaqueTokens;
import io.urop.auth.account.Account;
import io.urop.auth.account.Accounts;
import io.urop.tenancy.Lookup;
import io.urop.auth.token.AccessTokens.Grant;
import io.urop.auth.token.AccessTokens.IssuedToken;
import io.urop.auth.token.AccessTokens;
import io.urop.auth.token.TokenProperties;
import io.urop.events.Uuid7;
import io.urop.tenancy.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login sessions and their refresh-token families. Every refresh rotates the token; the session (its
 * {@code sid}) stays. A rotated token presented once more within {@code refreshReuseGrace} (two tabs
 * refreshing at once) gets a fresh pair of its own; any other reuse means it was stolen, and the whole
 * session is revoked. A session lives {@code refreshTokenTtl} past its last refresh, and never longer
 * than {@code sessionMaxLifetime} from sign-in.
 */
@Service
public class Sessions {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AccessTokens accessTokens;
    private final RevokedSessions revoked;
    private final AuditLog audit;
    private final TokenProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Sessions(JdbcClient jdbc, Accounts accounts, AccessTokens accessTokens, RevokedSessions revoked, AuditLog audit,
            TokenProperties properties, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.revoked = revoked;
        this.audit = audit;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Opens a session for an account that has just proven who it is; runs bound to the account's tenant. */
    @Transactional
    public TokenResponse open(Account account, ClientInfo client) {
        Instant now = clock.instant();
        UUID sessionId = Uuid7.next();
        jdbc.sql("""
                insert into sessions (id, tenant_id, account_id, created_at, expires_at, client_ip, user_agent)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(sessionId, account.tenantId(), account.id(), Timestamp.from(now),
                        Timestamp.from(now.plus(properties.refreshTokenTtl())), client.ip(), client.userAgent())
                .update();
        audit.record(account.tenantId(), account.id().toString(), "login.succeeded", sessionId.toString(), client.ip(),
                Map.of());
        return tokens(account, sessionId, now, now.plus(properties.refreshTokenTtl()));
    }

    /** Exchanges a refresh token for a new pair. */
    public TokenResponse refresh(String refreshToken, ClientInfo client) {
        String hash = OpaqueTokens.hash(refreshToken);
        UUID tenantId = transactions.execute(status -> {
            Lookup.bind(jdbc, hash);
            return jdbc.sql("select tenant_id from refresh_tokens where token_hash = ?").param(hash)
                    .query(UUID.class).optional().orElse(null);
        });
        if (tenantId == null) {
            throw Unauthenticated.invalidRefreshToken();
        }
        Outcome outcome = TenantContext.callAs(tenantId, () -> transactions.execute(status -> rotate(hash, client)));
        if (outcome.tokens() == null) {
            throw Unauthenticated.invalidRefreshToken();
        }
        return outcome.tokens();
    }

    private Outcome rotate(String hash, ClientInfo client) {
        Instant now = clock.instant();
        StoredToken token = jdbc.sql("select * from refresh_tokens where token_hash = ? for update").param(hash)
                .query(StoredToken::map).single();
        // one refresh of a family at a time: the session row is the family's lock
        Optional<StoredSession> session = jdbc.sql("select * from sessions where id = ? for update")
                .param(token.sessionId()).query(StoredSession::map).optional();
        if (session.isEmpty() || session.get().revokedAt() != null || !session.get().expiresAt().isAfter(now)
                || !token.expiresAt().isAfter(now)) {
            return Outcome.REFUSED;
        }
        Account account = accounts.findById(session.get().accountId()).orElse(null);
        if (account == null || !account.active()) {
            revoke(session.get(), "account-inactive", null, client);
            return Outcome.REFUSED;
        }
        if (token.rotatedAt() == null) {
            jdbc.sql("update refresh_tokens set rotated_at = ? where token_hash = ?").params(Timestamp.from(now), hash)
                    .update();
        }
        else if (token.graceUsedAt() == null
                && Duration.between(token.rotatedAt(), now).compareTo(properties.refreshReuseGrace()) <= 0) {
            jdbc.sql("update refresh_tokens set grace_used_at = ? where token_hash = ?").params(Timestamp.from(now), hash)
                    .update();
        }
        else {
            revoke(session.get(), "refresh-token-reuse", null, client);
            return Outcome.REFUSED;
        }
        Instant expiresAt = min(now.plus(properties.refreshTokenTtl()),
                session.get().createdAt().plus(properties.sessionMaxLifetime()));
        jdbc.sql("update sessions set expires_at = ? where id = ?").params(Timestamp.from(expiresAt), token.sessionId())
                .update();
        return new Outcome(tokens(account, token.sessionId(), now, expiresAt));
    }

    /** Revokes one session of the current tenant; false if there is no such open session. */
    @Transactional
    public boolean revoke(UUID sessionId, String reason, String actor, ClientInfo client) {
        return jdbc.sql("select * from sessions where id = ? for update").param(sessionId).query(StoredSession::map)
                .optional().filter(session -> session.revokedAt() == null)
                .map(session -> {
                    revoke(session, reason, actor, client);
                    return true;
                }).orElse(false);
    }

    /** Revokes every open session of an account of the current tenant; returns how many. */
    @Transactional
    public int revokeAll(UUID accountId, String reason, String actor, ClientInfo client) {
        return revokeAllBut(accountId, null, reason, actor, client);
    }

    /** Revokes every open session of an account of the current tenant but one (the caller's own, or null). */
    @Transactional
    public int revokeAllBut(UUID accountId, UUID keep, String reason, String actor, ClientInfo client) {
        List<StoredSession> open = jdbc.sql("select * from sessions where account_id = ? and revoked_at is null for update")
                .param(accountId).query(StoredSession::map).list().stream()
                .filter(session -> !session.id().equals(keep)).toList();
        open.forEach(session -> revoke(session, reason, actor, client));
        return open.size();
    }

    private void revoke(StoredSession session, String reason, String actor, ClientInfo client) {
        revoked.add(session.id(), reason);
        jdbc.sql("update sessions set revoked_at = ?, revoked_reason = ? where id = ?")
                .params(Timestamp.from(clock.instant()), reason, session.id()).update();
        audit.record(session.tenantId(), actor, "session.revoked", session.id().toString(), client.ip(),
                Map.of("reason", reason, "account", session.accountId().toString()));
    }

    private TokenResponse tokens(Account account, UUID sessionId, Instant now, Instant refreshExpiresAt) {
        IssuedToken access = accessTokens.issue(Grant.of(account.id().toString(), account.tenantId(), account.roles(),
                sessionId.toString(), account.locationIds()));
        String refresh = OpaqueTokens.generate();
        jdbc.sql("""
                insert into refresh_tokens (token_hash, tenant_id, session_id, issued_at, expires_at)
                values (?, ?, ?, ?, ?)""")
                .params(OpaqueTokens.hash(refresh), account.tenantId(), sessionId, Timestamp.from(now),
                        Timestamp.from(refreshExpiresAt))
                .update();
        return new TokenResponse(access.value(), "Bearer", properties.accessTokenTtl().toSeconds(), refresh,
                Duration.between(now, refreshExpiresAt).toSeconds(), sessionId);
    }

    /** A refresh's result; no tokens when refused. A revocation must commit, so it is a result, not an exception. */
    private record Outcome(TokenResponse tokens) {
        static final Outcome REFUSED = new Outcome(null);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private record StoredToken(UUID sessionId, Instant expiresAt, Instant rotatedAt, Instant graceUsedAt) {
        static StoredToken map(ResultSet rs, int row) throws SQLException {
            return new StoredToken(rs.getObject("session_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
                    instant(rs, "rotated_at"), instant(rs, "grace_used_at"));
        }
    }

    private record StoredSession(UUID id, UUID tenantId, UUID accountId, Instant createdAt, Instant expiresAt,
            Instant revokedAt) {
        static StoredSession map(ResultSet rs, int row) throws SQLException {
            return new StoredSession(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                    rs.getObject("account_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("expires_at").toInstant(), instant(rs, "revoked_at"));
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
