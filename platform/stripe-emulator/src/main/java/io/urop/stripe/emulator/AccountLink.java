package io.urop.stripe.emulator;

import java.util.Map;

/** A single-use link to the onboarding page of a connected account. */
final class AccountLink {

    final String token;
    final String accountId;
    final String refreshUrl;
    final String returnUrl;
    final long created;
    final long expiresAt;
    final String apiVersion;
    boolean used;

    AccountLink(String token, String accountId, String refreshUrl, String returnUrl, long created, long expiresAt,
            String apiVersion) {
        this.token = token;
        this.accountId = accountId;
        this.refreshUrl = refreshUrl;
        this.returnUrl = returnUrl;
        this.created = created;
        this.expiresAt = expiresAt;
        this.apiVersion = apiVersion;
    }

    Map<String, Object> toJson(String url) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("object", "account_link");
        json.put("created", created);
        json.put("expires_at", expiresAt);
        json.put("url", url);
        return json;
    }
}
