package io.urop.auth.session;

import io.urop.auth.account.AccountAccessChanged;
import io.urop.auth.account.AccountDeactivated;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends every session of an account whose access changed or that was deactivated, so that no token carries what it
 * no longer has. Handled inside the change's transaction rather than after its commit: the sessions are put on the
 * deny-list before the change commits and a failure rolls the change back, so a committed change never leaves
 * sessions open with their old roles.
 */
@Component
class AccountEventsListener {

    private final SessionRevocation revocation;

    AccountEventsListener(SessionRevocation revocation) {
        this.revocation = revocation;
    }

    @EventListener
    void on(AccountAccessChanged changed) {
        revocation.revokeAll(changed.accountId(), "access-changed", changed.actor(), changed.client());
    }

    @EventListener
    void on(AccountDeactivated deactivated) {
        revocation.revokeAll(deactivated.accountId(), "account-deactivated", deactivated.actor(), deactivated.client());
    }
}
