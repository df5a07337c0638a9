package io.urop.stripe.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The payment of a checkout session, with the charges of its attempts. */
final class PaymentIntent extends ApiObject {

    final long amount;
    final String currency;
    final Long applicationFeeAmount;
    final Map<String, String> metadata;
    final String description;
    final String apiVersion;
    String status = "requires_payment_method";
    long amountReceived;
    Charge latestCharge;
    String paymentMethodId;
    Map<String, Object> lastPaymentError;
    Long canceledAt;
    String cancellationReason;
    /** The card waiting for its 3-D Secure challenge. */
    TestCards.Card cardAwaitingAuthentication;
    String nameAwaitingAuthentication;

    PaymentIntent(String id, String accountId, long created, long amount, String currency, Long applicationFeeAmount,
            Map<String, String> metadata, String description, String apiVersion) {
        super(id, accountId, created);
        this.amount = amount;
        this.currency = currency;
        this.applicationFeeAmount = applicationFeeAmount;
        this.metadata = metadata;
        this.description = description;
        this.apiVersion = apiVersion;
    }

    @Override
    String objectName() {
        return "payment_intent";
    }

    @Override
    Map<String, Object> toJson() {
        return toJson(false);
    }

    Map<String, Object> toJson(boolean expandLatestCharge) {
        Map<String, Object> json = header();
        json.put("amount", amount);
        json.put("amount_capturable", 0);
        json.put("amount_received", amountReceived);
        json.put("application", null);
        json.put("application_fee_amount", applicationFeeAmount);
        json.put("canceled_at", canceledAt);
        json.put("cancellation_reason", cancellationReason);
        json.put("capture_method", "automatic_async");
        json.put("client_secret", id + "_secret_" + Ids.next("", 24));
        json.put("confirmation_method", "automatic");
        json.put("created", created);
        json.put("currency", currency);
        json.put("customer", null);
        json.put("description", description);
        json.put("last_payment_error", lastPaymentError);
        json.put("latest_charge", latestCharge == null ? null : expandLatestCharge ? latestCharge.toJson() : latestCharge.id);
        json.put("livemode", false);
        json.put("metadata", metadata);
        Map<String, Object> nextAction = null;
        if (status.equals("requires_action")) {
            nextAction = new LinkedHashMap<>();
            nextAction.put("type", "use_stripe_sdk");
            nextAction.put("use_stripe_sdk", Map.of("type", "three_d_secure_redirect"));
        }
        json.put("next_action", nextAction);
        json.put("on_behalf_of", null);
        json.put("payment_method", paymentMethodId);
        json.put("payment_method_types", List.of("card"));
        json.put("status", status);
        json.put("transfer_data", null);
        return json;
    }
}
