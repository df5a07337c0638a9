package io.urop.auth.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.urop.audit.AuditLog;
import io.urop.auth.ClientInfo;
import io.urop.auth.OpaqueTokens;
import io.urop.auth.account.Account;
import io.urop.auth.account.Accounts;
import io.urop.auth.session.RefreshTokens.StoredToken;
import io.urop.auth.session.Sessions.StoredSession;
import io.urop.auth.token.AccessTokens;
import io.urop.auth.token.AccessTokens.Grant;
import io.urop.auth.token.AccessTokens.IssuedToken;
import io.urop.auth.token.TokenProperties;
import io.urop.events.Uuid7;
import io.urop.tenancy.TenantContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in sessions and their refresh-token families. Every refresh rotates the token; the session (its
 * {@code sid}) stays. A rotated token presented once more within {@code refreshReuseGrace} (two tabs
 * refreshing at once) gets a fresh pair of its own; any other reuse means it was stolen, and the whole
 * session is revoked. A session lives {@code refreshTokenTtl} past its last refresh, and never longer
 * than {@code sessionMaxLifetime} from sign-in.
 */
@Service
public class SignInSessions {

    private final Sessions sessions;
    private final RefreshTokens refreshTokens;
    private final SessionRevocation revocation;
    private final Accounts accounts;
    private final AccessTokens accessTokens;
    private final AuditLog audit;
    private final TokenProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SignInSessions(Sessions sessions, RefreshTokens refreshTokens, SessionRevocation revocation, Accounts accounts,
            AccessTokens accessTokens, AuditLog audit, TokenProperties properties,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.revocation = revocation;
        this.accounts = accounts;
        this.accessTokens = accessTokens;
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
        sessions.insert(sessionId, account.tenantId(), account.id(), now, now.plus(properties.refreshTokenTtl()),
                client);
        audit.record(account.tenantId(), account.id().toString(), "login.succeeded", sessionId.toString(), client.ip(),
                Map.of());
        return tokens(account, sessionId, now, now.plus(properties.refreshTokenTtl()));
    }

    /** Exchanges a refresh token for a new pair. */
    TokenResponse refresh(String refreshToken, ClientInfo client) {
        String hash = OpaqueTokens.hash(refreshToken);
        UUID tenantId = refreshTokens.tenantOf(hash).orElseThrow(Unauthenticated::invalidRefreshToken);
        Outcome outcome = TenantContext.callAs(tenantId, () -> transactions.execute(status -> rotate(hash, client)));
        if (outcome.tokens() == null) {
            throw Unauthenticated.invalidRefreshToken();
        }
        return outcome.tokens();
    }

    private Outcome rotate(String hash, ClientInfo client) {
        Instant now = clock.instant();
        StoredToken token = refreshTokens.lock(hash);
        // one refresh of a family at a time: the session row is the family's lock
        Optional<StoredSession> session = sessions.lock(token.sessionId());
        if (session.isEmpty() || session.get().revokedAt() != null || !session.get().expiresAt().isAfter(now)
                || !token.expiresAt().isAfter(now)) {
            return Outcome.REFUSED;
        }
        Account account = accounts.findById(session.get().accountId()).orElse(null);
        if (account == null || !account.active()) {
            revocation.revokeLocked(session.get(), "account-inactive", null, client);
            return Outcome.REFUSED;
        }
        if (token.rotatedAt() == null) {
            refreshTokens.markRotated(hash, now);
        }
        else if (token.graceUsedAt() == null
                && Duration.between(token.rotatedAt(), now).compareTo(properties.refreshReuseGrace()) <= 0) {
            refreshTokens.markGraceUsed(hash, now);
        }
        else {
            revocation.revokeLocked(session.get(), "refresh-token-reuse", null, client);
            return Outcome.REFUSED;
        }
        Instant expiresAt = min(now.plus(properties.refreshTokenTtl()),
                session.get().createdAt().plus(properties.sessionMaxLifetime()));
        sessions.extend(token.sessionId(), expiresAt);
        return new Outcome(tokens(account, token.sessionId(), now, expiresAt));
    }

    private TokenResponse tokens(Account account, UUID sessionId, Instant now, Instant refreshExpiresAt) {
        IssuedToken access = accessTokens.issue(Grant.of(account.id().toString(), account.tenantId(), account.roles(),
                sessionId.toString(), account.locationIds()));
        String refresh = OpaqueTokens.generate();
        refreshTokens.insert(OpaqueTokens.hash(refresh), account.tenantId(), sessionId, now, refreshExpiresAt);
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
}
