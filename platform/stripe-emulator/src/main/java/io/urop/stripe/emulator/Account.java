package io.urop.stripe.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Stripe account: the platform's own, or one connected to it through Connect. */
final class Account extends ApiObject {

    final String type;
    final String country;
    final String email;
    final String defaultCurrency;
    final String businessName;
    final Map<String, String> metadata;
    boolean chargesEnabled;
    boolean payoutsEnabled;
    boolean detailsSubmitted;

    Account(String id, String ownerId, long created, String type, String country, String email, String defaultCurrency,
            String businessName, Map<String, String> metadata) {
        super(id, ownerId, created);
        this.type = type;
        this.country = country;
        this.email = email;
        this.defaultCurrency = defaultCurrency;
        this.businessName = businessName;
        this.metadata = metadata;
    }

    @Override
    String objectName() {
        return "account";
    }

    /** The name a payer sees on the checkout page. */
    String displayName() {
        if (businessName != null) {
            return businessName;
        }
        return email != null ? email : id;
    }

    @Override
    Map<String, Object> toJson() {
        Map<String, Object> json = header();
        Map<String, Object> businessProfile = new LinkedHashMap<>();
        businessProfile.put("name", businessName);
        businessProfile.put("support_email", email);
        json.put("business_profile", businessProfile);
        json.put("business_type", null);
        Map<String, Object> capabilities = new LinkedHashMap<>();
        capabilities.put("card_payments", chargesEnabled ? "active" : "inactive");
        capabilities.put("transfers", payoutsEnabled ? "active" : "inactive");
        json.put("capabilities", capabilities);
        json.put("charges_enabled", chargesEnabled);
        json.put("country", country);
        json.put("created", created);
        json.put("default_currency", defaultCurrency);
        json.put("details_submitted", detailsSubmitted);
        json.put("email", email);
        json.put("metadata", metadata);
        json.put("payouts_enabled", payoutsEnabled);
        Map<String, Object> requirements = new LinkedHashMap<>();
        List<String> due = detailsSubmitted ? List.of() : List.of("business_profile.url", "external_account", "tos_acceptance.date");
        requirements.put("currently_due", due);
        requirements.put("disabled_reason", detailsSubmitted ? null : "requirements.past_due");
        requirements.put("eventually_due", due);
        requirements.put("past_due", due);
        json.put("requirements", requirements);
        json.put("type", type);
        return json;
    }
}
