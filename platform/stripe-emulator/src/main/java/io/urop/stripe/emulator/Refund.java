package io.urop.stripe.emulator;

import java.util.Map;

/** Money given back from a succeeded charge; card refunds succeed at once here. */
final class Refund extends ApiObject {

    final Charge charge;
    final long amount;
    final String reason;
    final Map<String, String> metadata;
    final String status = "succeeded";

    Refund(String id, Charge charge, long created, long amount, String reason, Map<String, String> metadata) {
        super(id, charge.accountId, created);
        this.charge = charge;
        this.amount = amount;
        this.reason = reason;
        this.metadata = metadata;
    }

    @Override
    String objectName() {
        return "refund";
    }

    @Override
    Map<String, Object> toJson() {
        Map<String, Object> json = header();
        json.put("amount", amount);
        json.put("balance_transaction", null);
        json.put("charge", charge.id);
        json.put("created", created);
        json.put("currency", charge.paymentIntent.currency);
        json.put("metadata", metadata);
        json.put("payment_intent", charge.paymentIntent.id);
        json.put("reason", reason);
        json.put("receipt_number", null);
        json.put("status", status);
        return json;
    }
}
