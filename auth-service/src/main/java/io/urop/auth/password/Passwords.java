package io.urop.auth.password;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.urop.audit.AuditLog;
import io.urop.auth.ClientInfo;
import io.urop.auth.OpaqueTokens;
import io.urop.auth.account.Account;
import io.urop.auth.account.Accounts;
import io.urop.auth.account.PasswordPolicy;
import io.urop.auth.login.LoginAttempts;
import io.urop.auth.password.PasswordResets.StoredReset;
import io.urop.auth.session.SessionRevocation;
import io.urop.events.Uuid7;
import io.urop.events.auth.PasswordResetRequested;
import io.urop.messaging.outbox.Outbox;
import io.urop.security.CurrentUser;
import io.urop.tenancy.TenantContext;
import io.urop.web.InvalidFieldException;
import io.urop.web.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Changing a password (knowing the current one) and resetting a forgotten one by an emailed,
 * single-use link. Either way every other session of the account ends. A reset request answers alike
 * whether or not the email has an account; only for one that has is a reset announced
 * ({@code auth.password-reset-requested}), whose link notification-service then asks for and emails.
 */
@Service
class Passwords {

    private final Accounts accounts;
    private final PasswordResets resets;
    private final SessionRevocation sessions;
    private final LoginAttempts attempts;
    private final ResetRequestLimit resetRequests;
    private final PasswordEncoder encoder;
    private final Outbox outbox;
    private final AuditLog audit;
    private final PasswordProperties properties;
    private final TransactionTemplate transactions;
    private final ResetTokens tokens;
    private final Clock clock;

    Passwords(Accounts accounts, PasswordResets resets, SessionRevocation sessions, LoginAttempts attempts,
            ResetRequestLimit resetRequests, PasswordEncoder encoder, Outbox outbox, AuditLog audit,
            PasswordProperties properties, PlatformTransactionManager transactionManager, Clock clock) {
        this.accounts = accounts;
        this.resets = resets;
        this.sessions = sessions;
        this.attempts = attempts;
        this.resetRequests = resetRequests;
        this.encoder = encoder;
        this.outbox = outbox;
        this.audit = audit;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.tokens = new ResetTokens(properties.signingKeyBytes());
        this.clock = clock;
    }

    /** The signed-in person changes their password; their other sessions end, this one goes on. */
    void change(CurrentUser user, String currentPassword, String newPassword, ClientInfo client) {
        PasswordPolicy.check("newPassword", newPassword);
        UUID accountId = UUID.fromString(user.subject());
        transactions.executeWithoutResult(status -> {
            Account account = accounts.findById(accountId).filter(Account::active)
                    .orElseThrow(() -> new InvalidFieldException("currentPassword", "is wrong"));
            // a stolen access token must not become a way to guess the password: same count as sign-in
            LoginAttempts.Attempt attempt = attempts.begin(account.email(), client);
            if (attempt.locked() || !encoder.matches(currentPassword, account.passwordHash())) {
                throw new InvalidFieldException("currentPassword", attempt.locked() || attempt.lastAllowed()
                        ? "is wrong, and too many attempts were made: try again later" : "is wrong");
            }
            attempts.succeeded(account.email(), client);
            accounts.changePassword(accountId, encoder.encode(newPassword), clock.instant());
            resets.spendAll(accountId, clock.instant());
            audit.record(account.tenantId(), user.subject(), "password.changed", user.subject(), client.ip(), Map.of());
            sessions.revokeAllBut(accountId, UUID.fromString(user.sessionId()), "password-changed", user.subject(),
                    client);
        });
    }

    /**
     * Announces a reset link if the email has an active account and has not had {@link ResetRequestLimit#PER_HOUR}
     * this hour; does nothing visible otherwise.
     */
    void requestReset(String email, ClientInfo client) {
        if (!resetRequests.allows(email)) {
            return;
        }
        Optional<Account> account = accounts.findByEmail(email).filter(Account::active);
        if (account.isEmpty()) {
            return;
        }
        Account known = account.get();
        TenantContext.runAs(known.tenantId(), () -> transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Instant expiresAt = now.plus(properties.validFor());
            UUID resetId = Uuid7.next();
            resets.insert(resetId, OpaqueTokens.hash(tokens.of(resetId)), known.tenantId(), known.id(), now, expiresAt);
            outbox.add(new PasswordResetRequested(resetId, known.id(), known.tenantId(), known.email(), expiresAt),
                    known.tenantId(), known.id().toString());
            audit.record(known.tenantId(), null, "password.reset-requested", known.id().toString(), client.ip(),
                    Map.of());
        }));
    }

    /**
     * The link of a reset that can still be used, for notification-service to email; a used or expired one
     * answers 410, an unknown one (or another tenant's) 404.
     */
    ResetLink link(UUID tenantId, UUID resetId) {
        StoredReset reset = TenantContext.callAs(tenantId,
                () -> transactions.execute(status -> resets.find(resetId).orElse(null)));
        if (reset == null) {
            throw new NotFoundException("No such password reset");
        }
        if (reset.usedAt() != null || !reset.expiresAt().isAfter(clock.instant())) {
            throw gone();
        }
        return new ResetLink(properties.url().resolve(tokens.of(resetId)), reset.expiresAt());
    }

    /**
     * Sets a new password with an emailed token, once; every session of the account ends, and the client it was
     * reset from is no longer locked out and counts as one the account signs in from.
     */
    void reset(String token, String newPassword, ClientInfo client) {
        PasswordPolicy.check("newPassword", newPassword);
        String hash = OpaqueTokens.hash(token);
        UUID tenantId = resets.tenantOf(hash).orElseThrow(Passwords::invalidToken);
        String email = TenantContext.callAs(tenantId, () -> transactions.execute(status -> {
            Instant now = clock.instant();
            StoredReset reset = resets.lock(hash);
            Account account = accounts.findById(reset.accountId()).filter(Account::active).orElse(null);
            if (reset.usedAt() != null || !reset.expiresAt().isAfter(now) || account == null) {
                return null;
            }
            resets.spendAll(account.id(), now);
            accounts.changePassword(account.id(), encoder.encode(newPassword), now);
            audit.record(tenantId, account.id().toString(), "password.reset", account.id().toString(), client.ip(),
                    Map.of());
            sessions.revokeAll(account.id(), "password-reset", account.id().toString(), client);
            return account.email();
        }));
        if (email == null) {
            throw invalidToken();
        }
        attempts.passwordReset(email, client);
    }

    record ResetLink(URI url, Instant expiresAt) {
    }

    private static ErrorResponseException gone() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE,
                "The password reset has been used or has expired");
        problem.setType(URI.create("https://urop.io/problems/reset-unusable"));
        problem.setTitle("Password reset no longer usable");
        return new ErrorResponseException(HttpStatus.GONE, problem, null);
    }

    private static ErrorResponseException invalidToken() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The reset link is unknown, expired or already used. Ask for a new one.");
        problem.setType(URI.create("https://urop.io/problems/invalid-reset-token"));
        problem.setTitle("Invalid reset link");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
