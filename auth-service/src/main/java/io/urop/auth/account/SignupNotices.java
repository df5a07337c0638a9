package io.urop.auth.account;

import java.time.Clock;
import java.time.Duration;

import io.urop.events.auth.SignupAttempted;
import io.urop.messaging.outbox.Outbox;
import io.urop.tenancy.TenantContext;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the person behind an email that already has an account that someone tried to sign a restaurant up with it
 * ({@code auth.signup-attempted}, which notification-service emails): the sign-up itself answers as any other, so
 * that it reveals no account, and this is how the person learns of it. At most {@link #PER_HOUR} an hour for one
 * address, so nobody floods an inbox through the sign-up form; counted for every email alike.
 */
@Component
class SignupNotices {

    static final int PER_HOUR = 3;

    private static final String COUNTER = "signup-notices";

    private final Accounts accounts;
    private final EmailCounters counters;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SignupNotices(Accounts accounts, EmailCounters counters, Outbox outbox,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.accounts = accounts;
        this.counters = counters;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Announces the attempt to the email's account, in that account's tenant; outside any other transaction. */
    void signupAttempted(String email) {
        if (counters.increment(COUNTER, email, Duration.ofHours(1)) > PER_HOUR) {
            return;
        }
        accounts.findByEmail(email).ifPresent(account -> TenantContext.runAs(account.tenantId(),
                () -> transactions.executeWithoutResult(status -> outbox.add(
                        new SignupAttempted(account.id(), account.tenantId(), account.email(), account.active(),
                                clock.instant()),
                        account.tenantId(), account.id().toString()))));
    }
}
