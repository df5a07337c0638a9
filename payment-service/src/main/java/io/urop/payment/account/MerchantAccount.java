package io.urop.payment.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.stripe.model.Account;
import io.urop.events.payment.MerchantAccountChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.Persistable;

/**
 * A restaurant's own Stripe account, connected to the platform (Connect): its diners pay the restaurant directly, which
 * is the merchant of record, and the platform takes its fee. Whether it may take payments is Stripe's to say, as the
 * account last read from Stripe said it.
 */
@Entity
@Table(name = "merchant_accounts")
public class MerchantAccount implements Persistable<UUID> {

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "stripe_account_id")
    private String stripeAccountId;

    @Column(name = "charges_enabled")
    private boolean chargesEnabled;

    @Column(name = "payouts_enabled")
    private boolean payoutsEnabled;

    @Column(name = "details_submitted")
    private boolean detailsSubmitted;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private Long version;

    protected MerchantAccount() {
    }

    static MerchantAccount connected(UUID tenantId, Account account, Instant at) {
        MerchantAccount merchant = new MerchantAccount();
        merchant.tenantId = tenantId;
        merchant.stripeAccountId = account.getId();
        merchant.createdAt = at;
        merchant.update(account, at);
        return merchant;
    }

    /** The news of a new connection: whether it takes payments from the start. */
    List<Object> announced() {
        return List.of(new MerchantAccountChanged(tenantId, stripeAccountId, chargesEnabled, updatedAt));
    }

    /**
     * What Stripe says of the account now.
     *
     * @return {@code payment.merchant-account-changed} when whether it takes payments changed
     */
    List<Object> update(Account account, Instant at) {
        if (!stripeAccountId.equals(account.getId())) {
            throw new IllegalArgumentException("Account " + account.getId() + " is not " + stripeAccountId);
        }
        boolean tookPayments = chargesEnabled;
        chargesEnabled = Boolean.TRUE.equals(account.getChargesEnabled());
        payoutsEnabled = Boolean.TRUE.equals(account.getPayoutsEnabled());
        detailsSubmitted = Boolean.TRUE.equals(account.getDetailsSubmitted());
        updatedAt = at;
        return tookPayments == chargesEnabled ? List.of()
                : List.of(new MerchantAccountChanged(tenantId, stripeAccountId, chargesEnabled, at));
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String stripeAccountId() {
        return stripeAccountId;
    }

    /** Whether its diners can pay online: Stripe enabled charges on it. */
    public boolean takesPayments() {
        return chargesEnabled;
    }

    public boolean payoutsEnabled() {
        return payoutsEnabled;
    }

    public boolean detailsSubmitted() {
        return detailsSubmitted;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Spring Data's: not stored yet until it has a version, read without reflection on every save. */
    @Override
    public UUID getId() {
        return tenantId;
    }

    @Override
    public boolean isNew() {
        return version == null;
    }
}
