package io.urop.auth.login;

import java.util.Map;
import java.util.Optional;

import io.urop.audit.AuditLog;
import io.urop.auth.ClientInfo;
import io.urop.auth.account.Account;
import io.urop.auth.account.Accounts;
import io.urop.auth.session.SignInSessions;
import io.urop.auth.session.TokenResponse;
import io.urop.auth.session.Unauthenticated;
import io.urop.tenancy.TenantContext;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password login. An unknown email, a wrong password and a deactivated account all take one BCrypt
 * comparison and answer the same 401, so neither the answer nor its timing tells whether an account
 * exists. A client locked out of an email ({@link LoginAttempts}) gets that 401 before anything is looked
 * up or hashed, for every email alike: a lock costs no CPU and says nothing either.
 */
@Service
class Login {

    private final Accounts accounts;
    private final SignInSessions sessions;
    private final LoginAttempts attempts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    /** Compared against when there is no account, so that costs what a real comparison costs. */
    private final String unknownAccountHash;

    Login(Accounts accounts, SignInSessions sessions, LoginAttempts attempts, PasswordEncoder passwords, AuditLog audit,
            PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.attempts = attempts;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.unknownAccountHash = passwords.encode("no account has this password");
    }

    TokenResponse login(LoginRequest request, ClientInfo client) {
        LoginAttempts.Attempt attempt = attempts.begin(request.email(), client);
        if (attempt.locked()) {
            // nor audited: refused guesses cost nothing, and must not fill the tenant's audit trail for free
            throw Unauthenticated.invalidCredentials();
        }
        Optional<Account> account = accounts.findByEmail(request.email());
        boolean matches = passwords.matches(request.password(),
                account.map(Account::passwordHash).orElse(unknownAccountHash));
        if (!matches || account.isEmpty() || !account.get().active()) {
            account.ifPresent(known -> recordFailure(known, client, attempt.lastAllowed()));
            throw Unauthenticated.invalidCredentials();
        }
        attempts.succeeded(request.email(), client);
        return TenantContext.callAs(account.get().tenantId(), () -> sessions.open(account.get(), client));
    }

    private void recordFailure(Account account, ClientInfo client, boolean lockedNow) {
        String action = lockedNow ? "login.locked-out" : "login.failed";
        Map<String, Object> details = Map.of("reason", account.active() ? "password" : "inactive");
        TenantContext.runAs(account.tenantId(), () -> transactions.executeWithoutResult(status -> audit.record(
                account.tenantId(), null, action, account.id().toString(), client.ip(), details)));
    }
}
