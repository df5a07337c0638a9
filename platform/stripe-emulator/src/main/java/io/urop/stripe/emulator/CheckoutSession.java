package io.urop.stripe.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Checkout Session in payment mode: open until paid (complete) or past {@code expires_at} (expired). */
final class CheckoutSession extends ApiObject {

    final List<LineItem> lineItems;
    final String currency;
    final String successUrl;
    final String cancelUrl;
    final String clientReferenceId;
    final String customerEmail;
    final String locale;
    final long expiresAt;
    final Map<String, String> metadata;
    final Long applicationFeeAmount;
    final Map<String, String> paymentIntentMetadata;
    final String paymentIntentDescription;
    /** The API version of the request that created it, carried by the events it causes later. */
    final String apiVersion;
    String status = "open";
    String paymentStatus = "unpaid";
    /** Created at the first payment attempt; shown on the session once it is paid. */
    PaymentIntent paymentIntent;
    String customerName;
    private final String url;

    CheckoutSession(String id, String accountId, long created, List<LineItem> lineItems, String currency,
            String successUrl, String cancelUrl, String clientReferenceId, String customerEmail, String locale,
            long expiresAt, Map<String, String> metadata, Long applicationFeeAmount,
            Map<String, String> paymentIntentMetadata, String paymentIntentDescription, String apiVersion, String url) {
        super(id, accountId, created);
        this.lineItems = lineItems;
        this.currency = currency;
        this.successUrl = successUrl;
        this.cancelUrl = cancelUrl;
        this.clientReferenceId = clientReferenceId;
        this.customerEmail = customerEmail;
        this.locale = locale;
        this.expiresAt = expiresAt;
        this.metadata = metadata;
        this.applicationFeeAmount = applicationFeeAmount;
        this.paymentIntentMetadata = paymentIntentMetadata;
        this.paymentIntentDescription = paymentIntentDescription;
        this.apiVersion = apiVersion;
        this.url = url;
    }

    long amountTotal() {
        return lineItems.stream().mapToLong(LineItem::amount).sum();
    }

    boolean isOpen() {
        return status.equals("open");
    }

    String paymentIntentIdShown() {
        return paymentIntent != null && paymentStatus.equals("paid") ? paymentIntent.id : null;
    }

    @Override
    String objectName() {
        return "checkout.session";
    }

    @Override
    Map<String, Object> toJson() {
        return toJson(false);
    }

    Map<String, Object> toJson(boolean expandPaymentIntent) {
        Map<String, Object> json = header();
        json.put("amount_subtotal", amountTotal());
        json.put("amount_total", amountTotal());
        json.put("cancel_url", cancelUrl);
        json.put("client_reference_id", clientReferenceId);
        json.put("created", created);
        json.put("currency", currency);
        json.put("customer", null);
        json.put("customer_creation", "if_required");
        Map<String, Object> customerDetails = null;
        if (paymentStatus.equals("paid")) {
            customerDetails = new LinkedHashMap<>();
            customerDetails.put("email", customerEmail);
            customerDetails.put("name", customerName);
        }
        json.put("customer_details", customerDetails);
        json.put("customer_email", customerEmail);
        json.put("expires_at", expiresAt);
        json.put("livemode", false);
        json.put("locale", locale);
        json.put("metadata", metadata);
        json.put("mode", "payment");
        String paymentIntentId = paymentIntentIdShown();
        json.put("payment_intent", expandPaymentIntent && paymentIntentId != null ? paymentIntent.toJson() : paymentIntentId);
        json.put("payment_method_types", List.of("card"));
        json.put("payment_status", paymentStatus);
        json.put("status", status);
        json.put("success_url", successUrl);
        json.put("total_details", LineItem.totalDetails());
        json.put("ui_mode", "hosted");
        json.put("url", isOpen() ? url : null);
        return json;
    }
}
