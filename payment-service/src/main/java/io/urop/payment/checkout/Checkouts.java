package io.urop.payment.checkout;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionExpireParams;
import io.urop.contracts.Role;
import io.urop.payment.PaymentProperties;
import io.urop.payment.account.ApplicationFees;
import io.urop.payment.account.MerchantAccount;
import io.urop.payment.account.MerchantAccounts;
import io.urop.payment.ledger.CheckoutPlan;
import io.urop.payment.ledger.Payment;
import io.urop.payment.ledger.PaymentLine;
import io.urop.payment.ledger.Payments;
import io.urop.payment.stripe.StripeCalls;
import io.urop.payment.stripe.StripeProperties;
import io.urop.security.CurrentUser;
import io.urop.web.ConflictException;
import io.urop.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens the Stripe Checkout Session a diner pays an order through, on the restaurant's own Stripe account (a direct
 * charge with the platform's fee), and keeps each payment as Stripe last said it. Stripe is never called inside a
 * database transaction: the checkout is planned and committed first ({@link CheckoutPlan}), Stripe opens it under the
 * plan's idempotency key, and what Stripe answered is written afterwards, so that a crash or a retry in between opens
 * nothing twice. The browser's return from Stripe proves nothing: what Stripe says of the session afterwards is
 * {@link SessionOutcomes}'s to apply.
 */
@Service
public class Checkouts {

    private static final Logger log = LoggerFactory.getLogger(Checkouts.class);

    private final Payments payments;
    private final SessionOutcomes outcomes;
    private final MerchantAccounts merchants;
    private final ApplicationFees fees;
    private final StripeCalls stripe;
    private final StripeProperties settings;
    private final PaymentProperties urls;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Checkouts(Payments payments, SessionOutcomes outcomes, MerchantAccounts merchants, ApplicationFees fees,
            StripeCalls stripe, StripeProperties settings, PaymentProperties urls, TransactionTemplate transaction,
            Clock clock) {
        this.payments = payments;
        this.outcomes = outcomes;
        this.merchants = merchants;
        this.fees = fees;
        this.stripe = stripe;
        this.settings = settings;
        this.urls = urls;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * The checkout a diner of the order's table session pays its order through, with the tip it chose.
     *
     * @throws NotFoundException 404 for an order not of the diner's session, or one payment-service has not heard of
     *                           yet (a moment after it was placed)
     * @throws ConflictException 409 when it is paid or cancelled already, or the restaurant takes no online payment
     */
    public CheckoutView open(CurrentUser diner, UUID orderId, TipRequest tipRequest) throws StripeException {
        if (!diner.hasRole(Role.DINER)) {
            throw new AccessDeniedException("Only the diner who ordered pays online");
        }
        return openPlanned(transaction.execute(status -> plan(diner, orderId, tipRequest)));
    }

    /**
     * Opens at Stripe the checkout planned (and committed) for a payment, unless it is open already, and records it.
     */
    public CheckoutView openPlanned(CheckoutPlan plan) throws StripeException {
        if (plan.opened()) {
            return CheckoutView.of(plan, plan.url());
        }
        if (plan.replacedSession() != null) {
            expire(plan.stripeAccountId(), plan.replacedSession());
        }
        Session session = stripe.call(plan.stripeAccountId(), plan.idempotencyKey(),
                (client, options) -> client.v1().checkout().sessions().create(sessionOf(plan), options));
        transaction.executeWithoutResult(status -> payments.locked(plan.paymentId())
                .ifPresent(payment -> payment.checkoutOpened(plan.number(), session, clock.instant())));
        return CheckoutView.of(plan, session.getUrl());
    }

    private CheckoutPlan plan(CurrentUser diner, UUID orderId, TipRequest tipRequest) {
        Payment payment = payments.lockedByOrder(orderId)
                .filter(found -> found.tableSessionId() != null
                        && found.tableSessionId().toString().equals(diner.sessionId()))
                .orElseThrow(() -> new NotFoundException(
                        "No payment is due for this order, or it is not known yet: try again in a moment"));
        return planFor(payment, tipRequest);
    }

    /**
     * Plans the checkout of a payment, locked in the caller's transaction: on the restaurant's own account, with the
     * tip the diner chose and the platform's fee.
     *
     * @throws ConflictException 409 when the restaurant takes no online payment, or nothing is left to pay
     */
    public CheckoutPlan planFor(Payment payment, TipRequest tipRequest) {
        MerchantAccount merchant = merchants.findById(payment.tenantId()).filter(MerchantAccount::takesPayments)
                .orElseThrow(() -> new ConflictException(
                        "This restaurant does not take payments online yet: please pay at the counter"));
        long tip = (tipRequest == null ? TipRequest.NONE : tipRequest).of(payment.amount());
        int feeBasisPoints = fees.of(payment.tenantId()).orElse(settings.applicationFeeBasisPoints());
        long fee = Math.multiplyExact(payment.amount() + tip, feeBasisPoints) / 10_000;
        Instant now = clock.instant();
        return payment.planCheckout(tip, fee, merchant.stripeAccountId(), now.plus(settings.checkoutLifetime()), now);
    }

    private SessionCreateParams sessionOf(CheckoutPlan plan) {
        String currency = plan.currency().toLowerCase(Locale.ROOT);
        // the diner comes back to its order, or, for a share of the table's bill, to the bill
        String page = plan.orderId() != null ? "/orders/" + plan.orderId() : "/bill";
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("payment_id", plan.paymentId().toString());
        if (plan.orderId() != null) {
            metadata.put("order_id", plan.orderId().toString());
        }
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(plan.paymentId().toString())
                .putAllMetadata(metadata)
                .setExpiresAt(plan.expiresAt().getEpochSecond())
                .setSuccessUrl(urls.dinerPage(page + "?checkout=paid&session_id={CHECKOUT_SESSION_ID}"))
                .setCancelUrl(urls.dinerPage(page + "?checkout=cancelled"))
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .setApplicationFeeAmount(plan.applicationFee())
                        .putAllMetadata(metadata)
                        .build());
        for (PaymentLine line : plan.lines()) {
            params.addLineItem(lineItem(currency, line.name(), line.quantity(), line.unitAmount()));
        }
        if (plan.tip() > 0) {
            params.addLineItem(lineItem(currency, "Tip", 1, plan.tip()));
        }
        return params.build();
    }

    private static SessionCreateParams.LineItem lineItem(String currency, String name, long quantity, long unitAmount) {
        return SessionCreateParams.LineItem.builder()
                .setQuantity(quantity)
                .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                        .setCurrency(currency)
                        .setUnitAmount(unitAmount)
                        .setProductData(
                                SessionCreateParams.LineItem.PriceData.ProductData.builder().setName(name).build())
                        .build())
                .build();
    }

    /**
     * Closes the open session of a payment that was cancelled. Should Stripe not be reached, the session runs out by
     * itself, and a payment through it meanwhile is refunded.
     */
    public void closeQuietly(String account, String sessionId) {
        try {
            expire(account, sessionId);
        }
        catch (ConflictException paidMeanwhile) {
            log.info("Checkout session {} of a cancelled payment was paid before it could be closed: it is refunded",
                    sessionId);
        }
        catch (StripeException | RuntimeException e) {
            log.warn("Could not close checkout session {} of a cancelled payment: {}", sessionId, e.toString());
        }
    }

    /** Closes a session opened before with another tip; one that was paid meanwhile pays the order. */
    private void expire(String account, String sessionId) throws StripeException {
        Session session = stripe.read(account,
                (client, options) -> client.v1().checkout().sessions().retrieve(sessionId, options));
        if ("open".equals(session.getStatus())) {
            stripe.call(account, "expire-" + sessionId, (client, options) -> client.v1().checkout().sessions()
                    .expire(sessionId, SessionExpireParams.builder().build(), options));
            return;
        }
        outcomes.sessionChanged(account, sessionId);
        if ("complete".equals(session.getStatus())) {
            throw new ConflictException("This order is paid already");
        }
    }
}
