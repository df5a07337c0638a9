package io.urop.auth.session;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.urop.audit.AuditLog;
import io.urop.auth.ClientInfo;
import io.urop.auth.session.Sessions.StoredSession;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends sign-in sessions of the current tenant: each is put on the deny-list the gateway checks ({@link
 * RevokedSessions}), then marked revoked and audited in the caller's transaction.
 */
@Service
public class SessionRevocation {

    private final Sessions sessions;
    private final RevokedSessions revoked;
    private final AuditLog audit;
    private final Clock clock;

    SessionRevocation(Sessions sessions, RevokedSessions revoked, AuditLog audit, Clock clock) {
        this.sessions = sessions;
        this.revoked = revoked;
        this.audit = audit;
        this.clock = clock;
    }

    /** Revokes one session of the current tenant; false if there is no such open session. */
    @Transactional
    public boolean revoke(UUID sessionId, String reason, String actor, ClientInfo client) {
        return sessions.lock(sessionId).filter(session -> session.revokedAt() == null)
                .map(session -> {
                    revokeLocked(session, reason, actor, client);
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
        List<StoredSession> open = sessions.lockUnrevokedOf(accountId).stream()
                .filter(session -> !session.id().equals(keep)).toList();
        open.forEach(session -> revokeLocked(session, reason, actor, client));
        return open.size();
    }

    /** Revokes a session that the caller's transaction has locked. */
    void revokeLocked(StoredSession session, String reason, String actor, ClientInfo client) {
        revoked.add(session.id(), reason);
        sessions.markRevoked(session.id(), reason, clock.instant());
        audit.record(session.tenantId(), actor, "session.revoked", session.id().toString(), client.ip(),
                Map.of("reason", reason, "account", session.accountId().toString()));
    }
}
