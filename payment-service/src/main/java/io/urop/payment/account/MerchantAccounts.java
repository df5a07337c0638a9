package io.urop.payment.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The merchant accounts of the tenant bound to the transaction. */
public interface MerchantAccounts extends JpaRepository<MerchantAccount, UUID> {

    Optional<MerchantAccount> findByStripeAccountId(String stripeAccountId);
}
