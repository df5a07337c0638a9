package io.urop.stripe.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code /v1/checkout/sessions}: creating, reading, listing and expiring payment-mode sessions. */
final class CheckoutSessionsApi {

    private static final long MIN_LIFETIME_SECONDS = 30 * 60;
    private static final long MAX_LIFETIME_SECONDS = 24 * 60 * 60;
    private static final Set<String> STATUSES = Set.of("open", "complete", "expired");

    private final Ledger ledger;
    private final Events events;

    CheckoutSessionsApi(Ledger ledger, Events events) {
        this.ledger = ledger;
        this.events = events;
    }

    Map<String, Object> create(ApiRequest request) {
        Params params = request.params();
        String mode = params.required("mode");
        if (!mode.equals("payment")) {
            throw StripeError.invalid("mode", "This emulator supports Checkout Sessions in `payment` mode only, not `" + mode + "`.");
        }
        Account account = account(request);
        if (!account.chargesEnabled) {
            throw StripeError.invalid(null, "The account " + account.id + " cannot accept payments yet: its onboarding is not "
                    + "complete (charges_enabled is false).");
        }
        List<LineItem> lineItems = lineItems(params, request.accountId());
        String currency = lineItems.get(0).currency;
        String successUrl = params.required("success_url");
        long now = ledger.now();
        Long expiresAt = params.longValue("expires_at");
        if (expiresAt == null) {
            expiresAt = now + MAX_LIFETIME_SECONDS;
        } else if (expiresAt < now + MIN_LIFETIME_SECONDS) {
            throw StripeError.invalid("expires_at", "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.");
        } else if (expiresAt > now + MAX_LIFETIME_SECONDS) {
            throw StripeError.invalid("expires_at", "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.");
        }
        Params paymentIntentData = params.child("payment_intent_data");
        Long applicationFee = paymentIntentData.longValue("application_fee_amount");
        long total = lineItems.stream().mapToLong(LineItem::amount).sum();
        if (applicationFee != null) {
            if (!request.onConnectedAccount()) {
                throw StripeError.invalid("payment_intent_data[application_fee_amount]", "Can only apply an "
                        + "application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth "
                        + "key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).");
            }
            if (applicationFee < 0 || applicationFee > total) {
                throw StripeError.invalid("payment_intent_data[application_fee_amount]",
                        "The application fee must be between 0 and the amount of the payment (" + total + ").");
            }
        }
        String id = Ids.next("cs_test_", 58);
        CheckoutSession session = new CheckoutSession(id, request.accountId(), now, lineItems, currency, successUrl,
                params.string("cancel_url"), params.string("client_reference_id"), params.string("customer_email"),
                params.string("locale"), expiresAt, params.metadata(), applicationFee, paymentIntentData.metadata(),
                paymentIntentData.string("description"), ledger.apiVersion(request.stripeVersion()),
                ledger.baseUrl + "/checkout/" + id);
        ledger.sessions.put(id, session);
        return session.toJson(request.expand().contains("payment_intent"));
    }

    private Account account(ApiRequest request) {
        return request.onConnectedAccount() ? ledger.accounts.get(request.accountId()) : ledger.platform;
    }

    private List<LineItem> lineItems(Params params, String accountId) {
        List<Params> lines = params.list("line_items");
        if (lines.isEmpty()) {
            throw StripeError.parameterMissing("line_items");
        }
        List<LineItem> items = new ArrayList<>();
        String currency = null;
        for (int i = 0; i < lines.size(); i++) {
            Params line = lines.get(i);
            if (line.has("price")) {
                throw StripeError.resourceMissing("price", line.string("price"), line.name("price"));
            }
            Params priceData = line.child("price_data");
            String lineCurrency = priceData.required("currency").toLowerCase(Locale.ROOT);
            long unitAmount = priceData.requiredLong("unit_amount");
            if (unitAmount < 0) {
                throw StripeError.invalid(priceData.name("unit_amount"), "This value must be greater than or equal to 0.");
            }
            String name = priceData.child("product_data").required("name");
            long quantity = line.requiredLong("quantity");
            if (quantity < 1) {
                throw StripeError.invalid(line.name("quantity"), "This value must be greater than or equal to 1.");
            }
            if (currency == null) {
                currency = lineCurrency;
            } else if (!currency.equals(lineCurrency)) {
                throw StripeError.invalid(priceData.name("currency"), "All line items must use the same currency: "
                        + priceData.name("currency") + " is `" + lineCurrency + "` but line_items[0] is `" + currency + "`.");
            }
            items.add(new LineItem(accountId, ledger.now(), name, lineCurrency, unitAmount, quantity));
        }
        return items;
    }

    Map<String, Object> retrieve(ApiRequest request) {
        return session(request).toJson(request.expand().contains("payment_intent"));
    }

    Map<String, Object> list(ApiRequest request) {
        Params params = request.params();
        String paymentIntent = params.string("payment_intent");
        String status = params.string("status");
        if (status != null && !STATUSES.contains(status)) {
            throw StripeError.invalid("status", "Invalid status: must be one of open, complete, or expired");
        }
        var created = params.range("created");
        List<CheckoutSession> sessions = ledger.newestFirst(ledger.sessions, request.accountId(), session ->
                (paymentIntent == null || paymentIntent.equals(session.paymentIntentIdShown()))
                        && (status == null || status.equals(session.status))
                        && created.test(session.created));
        boolean expand = request.expand().contains("data.payment_intent");
        return Listing.page(sessions, params, "/v1/checkout/sessions", session -> session.toJson(expand));
    }

    Map<String, Object> lineItems(ApiRequest request) {
        CheckoutSession session = session(request);
        // unlike other lists, a session's lines come in the order they were given
        return Listing.page(session.lineItems, request.params(), "/v1/checkout/sessions/" + session.id + "/line_items",
                LineItem::toJson);
    }

    Map<String, Object> expire(ApiRequest request) {
        CheckoutSession session = session(request);
        if (!session.isOpen()) {
            throw StripeError.invalid(null, "Only Checkout Sessions with a status in [\"open\"] can be expired. "
                    + "This Checkout Session has a status of \"" + session.status + "\".");
        }
        expire(session, request);
        return session.toJson();
    }

    /** Ends an open session unpaid; a payment attempt still waiting on it is canceled. */
    void expire(CheckoutSession session, ApiRequest cause) {
        session.status = "expired";
        PaymentIntent paymentIntent = session.paymentIntent;
        if (paymentIntent != null && !paymentIntent.status.equals("succeeded")) {
            paymentIntent.status = "canceled";
            paymentIntent.canceledAt = ledger.now();
            paymentIntent.cancellationReason = "abandoned";
            paymentIntent.cardAwaitingAuthentication = null;
            events.emit("payment_intent.canceled", paymentIntent, null, session.apiVersion, cause);
        }
        events.emit("checkout.session.expired", session, null, session.apiVersion, cause);
    }

    /** Expires every open session whose {@code expires_at} has passed. */
    void expireDue() {
        long now = ledger.now();
        for (CheckoutSession session : List.copyOf(ledger.sessions.values())) {
            if (session.isOpen() && session.expiresAt <= now) {
                expire(session, null);
            }
        }
    }

    private CheckoutSession session(ApiRequest request) {
        return ledger.owned(ledger.sessions, request.pathParam(0), request.accountId(), "checkout.session", "session");
    }
}
