package io.urop.stripe.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Everything the emulator knows, in memory. Callers hold its monitor ({@code synchronized (ledger)}) for the whole
 * of a request, so that one request sees and leaves a consistent state.
 */
final class Ledger {

    final EmulatorSettings settings;
    final Clock clock;
    final String baseUrl;
    final Account platform;
    final Map<String, Account> accounts = new LinkedHashMap<>();
    final Map<String, AccountLink> accountLinks = new LinkedHashMap<>();
    final Map<String, CheckoutSession> sessions = new LinkedHashMap<>();
    final Map<String, PaymentIntent> paymentIntents = new LinkedHashMap<>();
    final Map<String, Charge> charges = new LinkedHashMap<>();
    final Map<String, Refund> refunds = new LinkedHashMap<>();
    final Map<String, Event> events = new LinkedHashMap<>();

    Ledger(EmulatorSettings settings, String baseUrl) {
        this.settings = settings;
        this.clock = settings.clock();
        this.baseUrl = baseUrl;
        String platformId = Ids.next("acct_", 16);
        this.platform = new Account(platformId, platformId, now(), "standard", "US", null, "usd", "Platform", Map.of());
        platform.chargesEnabled = true;
        platform.payoutsEnabled = true;
        platform.detailsSubmitted = true;
    }

    long now() {
        return clock.millis() / 1000;
    }

    String apiVersion(String requested) {
        return requested != null ? requested : settings.apiVersion();
    }

    /** The object if it exists on the given account; a 404 {@code resource_missing} otherwise, as Stripe hides other accounts' objects. */
    <T extends ApiObject> T owned(Map<String, T> store, String id, String accountId, String objectName, String param) {
        T object = id == null ? null : store.get(id);
        if (object == null || !object.accountId.equals(accountId)) {
            throw StripeError.resourceMissing(objectName, id, param);
        }
        return object;
    }

    <T extends ApiObject> List<T> newestFirst(Map<String, T> store, String accountId, Predicate<T> filter) {
        List<T> matching = new ArrayList<>();
        for (T object : store.values()) {
            if (object.accountId.equals(accountId) && filter.test(object)) {
                matching.add(object);
            }
        }
        Collections.reverse(matching);
        return matching;
    }
}
