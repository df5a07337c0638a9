package io.urop.payment.account;

import java.time.Instant;

/**
 * The restaurant's Stripe account as its owner sees it.
 *
 * @param connected     whether a Stripe account was created for it
 * @param takesPayments whether its diners can pay online: Stripe enabled charges; until then its locations take
 *                      payment at the counter only
 */
public record AccountView(boolean connected, String stripeAccountId, boolean takesPayments, boolean payoutsEnabled,
        boolean detailsSubmitted, Instant updatedAt) {

    static AccountView of(MerchantAccount account) {
        return new AccountView(true, account.stripeAccountId(), account.takesPayments(), account.payoutsEnabled(),
                account.detailsSubmitted(), account.updatedAt());
    }

    static AccountView notConnected() {
        return new AccountView(false, null, false, false, false, null);
    }
}
