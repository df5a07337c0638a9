package io.urop.stripe.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Paying a checkout session with a test card, as the hosted page and the control API do: the session's payment
 * intent is created at the first attempt, then succeeds, is declined or waits for a 3-D Secure challenge.
 * Callers hold the ledger's monitor.
 */
final class CardPayments {

    record Result(PaymentOutcome outcome, String message) {
    }

    static final String DECLINED_MESSAGE = "Your card was declined.";
    static final String AUTHENTICATION_FAILED_MESSAGE = "We are unable to authenticate your payment method. "
            + "Please choose a different payment method and try again.";

    private final Ledger ledger;
    private final Events events;

    CardPayments(Ledger ledger, Events events) {
        this.ledger = ledger;
        this.events = events;
    }

    Result pay(CheckoutSession session, TestCards.Card card, String cardholderName) {
        if (!session.isOpen()) {
            return notOpen(session);
        }
        TestCards.Behaviour behaviour = card.behaviour();
        if (behaviour == TestCards.Behaviour.UNKNOWN) {
            return new Result(PaymentOutcome.INCORRECT_NUMBER, "Your card number is incorrect.");
        }
        PaymentIntent paymentIntent = paymentIntentOf(session);
        paymentIntent.paymentMethodId = Ids.next("pm_");
        paymentIntent.cardAwaitingAuthentication = null;
        switch (behaviour) {
            case SUCCEEDS:
                succeed(session, paymentIntent, card, cardholderName);
                return new Result(PaymentOutcome.SUCCEEDED, null);
            case INSUFFICIENT_FUNDS:
                decline(session, paymentIntent, card, cardholderName, "insufficient_funds", "Your card has insufficient funds.");
                return new Result(PaymentOutcome.DECLINED, "Your card has insufficient funds.");
            case REQUIRES_AUTHENTICATION:
                paymentIntent.status = "requires_action";
                paymentIntent.cardAwaitingAuthentication = card;
                paymentIntent.nameAwaitingAuthentication = cardholderName;
                events.emit("payment_intent.requires_action", paymentIntent, null, session.apiVersion, null);
                return new Result(PaymentOutcome.REQUIRES_ACTION, null);
            default:
                decline(session, paymentIntent, card, cardholderName, "generic_decline", DECLINED_MESSAGE);
                return new Result(PaymentOutcome.DECLINED, DECLINED_MESSAGE);
        }
    }

    /** The answer to the 3-D Secure challenge: passed, the payment succeeds; failed, it is declined. */
    Result authenticate(CheckoutSession session, boolean passed) {
        if (!session.isOpen()) {
            return notOpen(session);
        }
        PaymentIntent paymentIntent = session.paymentIntent;
        if (paymentIntent == null || paymentIntent.cardAwaitingAuthentication == null) {
            return new Result(PaymentOutcome.NOT_OPEN, "No payment of this session is waiting for authentication.");
        }
        TestCards.Card card = paymentIntent.cardAwaitingAuthentication;
        paymentIntent.cardAwaitingAuthentication = null;
        if (passed) {
            succeed(session, paymentIntent, card, paymentIntent.nameAwaitingAuthentication);
            return new Result(PaymentOutcome.SUCCEEDED, null);
        }
        paymentIntent.status = "requires_payment_method";
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", "payment_intent_authentication_failure");
        error.put("doc_url", "https://stripe.com/docs/error-codes/payment-intent-authentication-failure");
        error.put("message", AUTHENTICATION_FAILED_MESSAGE);
        error.put("payment_method", paymentMethod(paymentIntent, card));
        error.put("type", "invalid_request_error");
        paymentIntent.lastPaymentError = error;
        events.emit("payment_intent.payment_failed", paymentIntent, null, session.apiVersion, null);
        return new Result(PaymentOutcome.DECLINED, AUTHENTICATION_FAILED_MESSAGE);
    }

    private Result notOpen(CheckoutSession session) {
        String message = session.status.equals("expired")
                ? "This checkout session has expired. Nothing was charged."
                : "This checkout session is already paid.";
        return new Result(PaymentOutcome.NOT_OPEN, message);
    }

    private PaymentIntent paymentIntentOf(CheckoutSession session) {
        if (session.paymentIntent == null) {
            PaymentIntent paymentIntent = new PaymentIntent(Ids.next("pi_"), session.accountId, ledger.now(),
                    session.amountTotal(), session.currency, session.applicationFeeAmount,
                    session.paymentIntentMetadata, session.paymentIntentDescription, session.apiVersion);
            ledger.paymentIntents.put(paymentIntent.id, paymentIntent);
            session.paymentIntent = paymentIntent;
            events.emit("payment_intent.created", paymentIntent, null, session.apiVersion, null);
        }
        return session.paymentIntent;
    }

    private void succeed(CheckoutSession session, PaymentIntent paymentIntent, TestCards.Card card, String name) {
        Charge charge = new Charge(Ids.next("ch_"), paymentIntent, ledger.now(), card, name, "succeeded", null, null);
        ledger.charges.put(charge.id, charge);
        paymentIntent.latestCharge = charge;
        paymentIntent.status = "succeeded";
        paymentIntent.amountReceived = paymentIntent.amount;
        paymentIntent.lastPaymentError = null;
        session.status = "complete";
        session.paymentStatus = "paid";
        session.customerName = name;
        events.emit("charge.succeeded", charge, null, session.apiVersion, null);
        events.emit("payment_intent.succeeded", paymentIntent, null, session.apiVersion, null);
        events.emit("checkout.session.completed", session, null, session.apiVersion, null);
    }

    private void decline(CheckoutSession session, PaymentIntent paymentIntent, TestCards.Card card, String name,
            String declineCode, String message) {
        Charge charge = new Charge(Ids.next("ch_"), paymentIntent, ledger.now(), card, name, "failed", "card_declined", message);
        ledger.charges.put(charge.id, charge);
        paymentIntent.latestCharge = charge;
        paymentIntent.status = "requires_payment_method";
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("charge", charge.id);
        error.put("code", "card_declined");
        error.put("decline_code", declineCode);
        error.put("doc_url", "https://stripe.com/docs/error-codes/card-declined");
        error.put("message", message);
        error.put("payment_method", paymentMethod(paymentIntent, card));
        error.put("type", "card_error");
        paymentIntent.lastPaymentError = error;
        events.emit("charge.failed", charge, null, session.apiVersion, null);
        events.emit("payment_intent.payment_failed", paymentIntent, null, session.apiVersion, null);
    }

    private static Map<String, Object> paymentMethod(PaymentIntent paymentIntent, TestCards.Card card) {
        Map<String, Object> method = Json.object("payment_method", paymentIntent.paymentMethodId);
        Map<String, Object> cardJson = new LinkedHashMap<>();
        cardJson.put("brand", card.brand());
        cardJson.put("exp_month", card.expMonth());
        cardJson.put("exp_year", card.expYear());
        cardJson.put("last4", card.last4());
        method.put("card", cardJson);
        method.put("type", "card");
        return method;
    }
}
