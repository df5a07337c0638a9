package io.urop.stripe.emulator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Connected accounts ({@code /v1/accounts}) and their onboarding links ({@code /v1/account_links}). */
final class AccountsApi {

    private static final Set<String> TYPES = Set.of("standard", "express", "custom");
    private static final Set<String> EURO_COUNTRIES = Set.of("AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR",
            "HR", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PT", "SI", "SK");
    private static final long LINK_LIFETIME_SECONDS = 300;

    private final Ledger ledger;
    private final Events events;

    AccountsApi(Ledger ledger, Events events) {
        this.ledger = ledger;
        this.events = events;
    }

    Map<String, Object> create(ApiRequest request) {
        if (request.onConnectedAccount()) {
            throw StripeError.invalid(null, "Connected accounts cannot create accounts; make this request as the platform.");
        }
        Params params = request.params();
        String type = params.string("type", "standard");
        if (!TYPES.contains(type)) {
            throw StripeError.invalid("type", "Invalid type: must be one of standard, express, or custom");
        }
        String country = params.string("country", "US").toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw StripeError.invalid("country", "Invalid country: " + country);
        }
        String currency = params.string("default_currency", defaultCurrency(country)).toLowerCase(Locale.ROOT);
        Account account = new Account(Ids.next("acct_", 16), ledger.platform.id, ledger.now(), type, country,
                params.string("email"), currency, params.child("business_profile").string("name"), params.metadata());
        ledger.accounts.put(account.id, account);
        return account.toJson();
    }

    Map<String, Object> retrieve(ApiRequest request) {
        String id = request.pathParam(0);
        Account account = ledger.accounts.get(id);
        boolean visible = account != null && (request.accountId().equals(ledger.platform.id) || request.accountId().equals(id));
        if (!visible) {
            if (id.equals(ledger.platform.id)) {
                return ledger.platform.toJson();
            }
            throw StripeError.resourceMissing("account", id, "account");
        }
        return account.toJson();
    }

    Map<String, Object> createLink(ApiRequest request) {
        Params params = request.params();
        String accountId = params.required("account");
        String type = params.required("type");
        if (!type.equals("account_onboarding") && !type.equals("account_update")) {
            throw StripeError.invalid("type", "Invalid type: must be one of account_onboarding or account_update");
        }
        String returnUrl = params.required("return_url");
        String refreshUrl = params.string("refresh_url", returnUrl);
        Account account = ledger.accounts.get(accountId);
        if (account == null || request.onConnectedAccount()) {
            throw StripeError.resourceMissing("account", accountId, "account");
        }
        long now = ledger.now();
        AccountLink link = new AccountLink(Ids.next("", 32), accountId, refreshUrl, returnUrl, now,
                now + LINK_LIFETIME_SECONDS, ledger.apiVersion(request.stripeVersion()));
        ledger.accountLinks.put(link.token, link);
        return link.toJson(onboardingUrl(link));
    }

    String onboardingUrl(AccountLink link) {
        return ledger.baseUrl + "/connect/onboarding/" + link.token;
    }

    /** What the onboarding page's button does: the account can take payments and pay out, and its platform hears of it. */
    void completeOnboarding(Account account, String apiVersion) {
        if (account.chargesEnabled && account.payoutsEnabled && account.detailsSubmitted) {
            return;
        }
        Map<String, Object> previous = new LinkedHashMap<>();
        previous.put("charges_enabled", account.chargesEnabled);
        previous.put("details_submitted", account.detailsSubmitted);
        previous.put("payouts_enabled", account.payoutsEnabled);
        account.chargesEnabled = true;
        account.payoutsEnabled = true;
        account.detailsSubmitted = true;
        events.emit("account.updated", account, previous, apiVersion, null);
    }

    private static String defaultCurrency(String country) {
        if (EURO_COUNTRIES.contains(country)) {
            return "eur";
        }
        switch (country) {
            case "GB":
                return "gbp";
            case "CH":
                return "chf";
            case "CA":
                return "cad";
            case "AU":
                return "aud";
            default:
                return "usd";
        }
    }
}
