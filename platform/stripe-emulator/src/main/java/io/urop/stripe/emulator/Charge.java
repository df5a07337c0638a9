package io.urop.stripe.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** One attempt to take a card payment: succeeded or failed. */
final class Charge extends ApiObject {

    final PaymentIntent paymentIntent;
    final TestCards.Card card;
    final String cardholderName;
    final String status;
    final String failureCode;
    final String failureMessage;
    final String applicationFeeId;
    long amountRefunded;

    Charge(String id, PaymentIntent paymentIntent, long created, TestCards.Card card, String cardholderName,
            String status, String failureCode, String failureMessage) {
        super(id, paymentIntent.accountId, created);
        this.paymentIntent = paymentIntent;
        this.card = card;
        this.cardholderName = cardholderName;
        this.status = status;
        this.failureCode = failureCode;
        this.failureMessage = failureMessage;
        this.applicationFeeId = status.equals("succeeded") && paymentIntent.applicationFeeAmount != null
                ? Ids.next("fee_") : null;
    }

    boolean succeeded() {
        return status.equals("succeeded");
    }

    long refundable() {
        return succeeded() ? paymentIntent.amount - amountRefunded : 0;
    }

    @Override
    String objectName() {
        return "charge";
    }

    @Override
    Map<String, Object> toJson() {
        Map<String, Object> json = header();
        json.put("amount", paymentIntent.amount);
        json.put("amount_captured", succeeded() ? paymentIntent.amount : 0);
        json.put("amount_refunded", amountRefunded);
        json.put("application_fee", applicationFeeId);
        json.put("application_fee_amount", succeeded() ? paymentIntent.applicationFeeAmount : null);
        Map<String, Object> billing = new LinkedHashMap<>();
        billing.put("email", null);
        billing.put("name", cardholderName);
        json.put("billing_details", billing);
        json.put("captured", succeeded());
        json.put("created", created);
        json.put("currency", paymentIntent.currency);
        json.put("description", paymentIntent.description);
        json.put("failure_code", failureCode);
        json.put("failure_message", failureMessage);
        json.put("livemode", false);
        json.put("metadata", paymentIntent.metadata);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("network_status", succeeded() ? "approved_by_network" : "declined_by_network");
        outcome.put("reason", succeeded() ? null : "generic_decline");
        outcome.put("risk_level", "normal");
        outcome.put("seller_message", succeeded() ? "Payment complete." : "The bank did not return any further details with this decline.");
        outcome.put("type", succeeded() ? "authorized" : "issuer_declined");
        json.put("outcome", outcome);
        json.put("paid", succeeded());
        json.put("payment_intent", paymentIntent.id);
        json.put("payment_method", paymentIntent.paymentMethodId);
        Map<String, Object> cardJson = new LinkedHashMap<>();
        cardJson.put("brand", card.brand());
        cardJson.put("country", "US");
        cardJson.put("exp_month", card.expMonth());
        cardJson.put("exp_year", card.expYear());
        cardJson.put("funding", "credit");
        cardJson.put("last4", card.last4());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("card", cardJson);
        details.put("type", "card");
        json.put("payment_method_details", details);
        json.put("refunded", succeeded() && amountRefunded == paymentIntent.amount);
        json.put("status", status);
        return json;
    }
}
