package io.urop.payment.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import io.urop.contracts.Role;
import io.urop.payment.PaymentEvents;
import io.urop.payment.PaymentProperties;
import io.urop.payment.stripe.StripeCalls;
import io.urop.security.CurrentUser;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connects a restaurant's own Stripe account and keeps its state. The owner starts it: the first time, a Stripe
 * account is created for the tenant (its idempotency key is the tenant's, so a repeated or concurrent start never
 * makes two), then each start hands out a fresh onboarding link, where Stripe collects what it needs. What Stripe
 * decides (charges and payouts enabled) arrives as {@code account.updated}, read back from Stripe before it is kept;
 * whether the restaurant takes payments online is announced ({@code payment.merchant-account-changed}) whenever it
 * changes, so that order-service has its diners pay at the counter meanwhile.
 */
@Service
public class MerchantOnboarding {

    private final MerchantAccounts accounts;
    private final StripeCalls stripe;
    private final TransactionTemplate transaction;
    private final PaymentProperties urls;
    private final PaymentEvents events;
    private final Clock clock;

    MerchantOnboarding(MerchantAccounts accounts, StripeCalls stripe, TransactionTemplate transaction,
            PaymentProperties urls, PaymentEvents events, Clock clock) {
        this.accounts = accounts;
        this.stripe = stripe;
        this.transaction = transaction;
        this.urls = urls;
        this.events = events;
        this.clock = clock;
    }

    /** The restaurant's account as Stripe last said it, for its owner and managers. */
    public AccountView account(CurrentUser user) {
        requireAnyOf(user, Role.OWNER, Role.MANAGER);
        return transaction.execute(status -> accounts.findById(user.requireTenant()).map(AccountView::of)
                .orElseGet(AccountView::notConnected));
    }

    /** The owner's way to Stripe's onboarding: a link valid for a few minutes. */
    public OnboardingLink onboardingLink(CurrentUser user) throws StripeException {
        requireAnyOf(user, Role.OWNER);
        UUID tenant = user.requireTenant();
        String stripeAccount = transaction.execute(status -> accounts.findById(tenant)
                .map(MerchantAccount::stripeAccountId).orElse(null));
        if (stripeAccount == null) {
            stripeAccount = connect(tenant);
        }
        String account = stripeAccount;
        AccountLink link = stripe.call(null, null, (client, options) -> client.v1().accountLinks().create(
                AccountLinkCreateParams.builder()
                        .setAccount(account)
                        .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                        .setRefreshUrl(urls.adminPage("/payments?onboarding=expired"))
                        .setReturnUrl(urls.adminPage("/payments?onboarding=done"))
                        .build(), options));
        return new OnboardingLink(link.getUrl(), Instant.ofEpochSecond(link.getExpiresAt()));
    }

    /** Stripe says the account changed: what it says now is kept (duplicates and old news change nothing). */
    public void accountChanged(String stripeAccountId) throws StripeException {
        Account account = stripe.read(null, (client, options) -> client.v1().accounts().retrieve(stripeAccountId,
                options));
        transaction.executeWithoutResult(status -> accounts.findByStripeAccountId(stripeAccountId)
                .ifPresent(merchant -> events.publish(merchant.tenantId(), merchant.tenantId(),
                        merchant.update(account, clock.instant()))));
    }

    private String connect(UUID tenant) throws StripeException {
        Account account = stripe.call(null, "account-" + tenant, (client, options) -> client.v1().accounts().create(
                AccountCreateParams.builder()
                        .setType(AccountCreateParams.Type.EXPRESS)
                        .putMetadata("tenant_id", tenant.toString())
                        .build(), options));
        return transaction.execute(status -> {
            Optional<MerchantAccount> known = accounts.findById(tenant);
            if (known.isPresent()) {
                return known.get().stripeAccountId();
            }
            MerchantAccount connected = accounts.save(MerchantAccount.connected(tenant, account, clock.instant()));
            events.publish(tenant, tenant, connected.announced());
            return connected.stripeAccountId();
        });
    }

    private static void requireAnyOf(CurrentUser user, Role... roles) {
        if (!user.hasAnyRole(roles)) {
            throw new AccessDeniedException("Only the restaurant's owner or managers see its payments account");
        }
    }
}
