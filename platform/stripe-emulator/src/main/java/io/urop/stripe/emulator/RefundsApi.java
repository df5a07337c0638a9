package io.urop.stripe.emulator;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /v1/refunds}: partial or full refunds of a payment intent's succeeded charge. */
final class RefundsApi {

    private static final Set<String> REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer");

    private final Ledger ledger;
    private final Events events;

    RefundsApi(Ledger ledger, Events events) {
        this.ledger = ledger;
        this.events = events;
    }

    Map<String, Object> create(ApiRequest request) {
        Params params = request.params();
        Charge charge = chargeToRefund(request, params);
        Long requested = params.longValue("amount");
        if (requested != null && requested < 1) {
            throw StripeError.invalid("amount", "Invalid positive integer");
        }
        long refundable = charge.refundable();
        if (refundable == 0) {
            throw StripeError.invalid("charge_already_refunded", null, "Charge " + charge.id + " has already been refunded.");
        }
        long amount = requested == null ? refundable : requested;
        if (amount > refundable) {
            String currency = charge.paymentIntent.currency;
            throw StripeError.invalid("amount_too_large", "amount", "Refund amount (" + Money.format(amount, currency)
                    + ") is greater than unrefunded amount on charge (" + Money.format(refundable, currency) + ")");
        }
        String reason = params.string("reason");
        if (reason != null && !REASONS.contains(reason)) {
            throw StripeError.invalid("reason", "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer");
        }
        Refund refund = new Refund(Ids.next("re_"), charge, ledger.now(), amount, reason, params.metadata());
        ledger.refunds.put(refund.id, refund);
        long refundedBefore = charge.amountRefunded;
        charge.amountRefunded += amount;
        String apiVersion = ledger.apiVersion(request.stripeVersion());
        events.emit("refund.created", refund, null, apiVersion, request);
        Map<String, Object> previous = new java.util.LinkedHashMap<>();
        previous.put("amount_refunded", refundedBefore);
        previous.put("refunded", false);
        events.emit("charge.refunded", charge, previous, apiVersion, request);
        return refund.toJson();
    }

    private Charge chargeToRefund(ApiRequest request, Params params) {
        String paymentIntentId = params.string("payment_intent");
        String chargeId = params.string("charge");
        if (paymentIntentId == null && chargeId == null) {
            throw StripeError.parameterMissing("payment_intent");
        }
        if (chargeId != null) {
            Charge charge = ledger.owned(ledger.charges, chargeId, request.accountId(), "charge", "charge");
            if (!charge.succeeded()) {
                throw StripeError.invalid("charge_not_refundable", "charge", "Charge " + charge.id + " did not succeed and cannot be refunded.");
            }
            return charge;
        }
        PaymentIntent paymentIntent = ledger.owned(ledger.paymentIntents, paymentIntentId, request.accountId(),
                "payment_intent", "payment_intent");
        if (!paymentIntent.status.equals("succeeded")) {
            throw StripeError.invalid("charge_not_refundable", "payment_intent", "This PaymentIntent (" + paymentIntent.id
                    + ") does not have a successful charge to refund.");
        }
        return paymentIntent.latestCharge;
    }

    Map<String, Object> retrieve(ApiRequest request) {
        return ledger.owned(ledger.refunds, request.pathParam(0), request.accountId(), "refund", "refund").toJson();
    }

    Map<String, Object> list(ApiRequest request) {
        Params params = request.params();
        String paymentIntent = params.string("payment_intent");
        String charge = params.string("charge");
        var created = params.range("created");
        List<Refund> refunds = ledger.newestFirst(ledger.refunds, request.accountId(), refund ->
                (paymentIntent == null || paymentIntent.equals(refund.charge.paymentIntent.id))
                        && (charge == null || charge.equals(refund.charge.id))
                        && created.test(refund.created));
        return Listing.page(refunds, params, "/v1/refunds", Refund::toJson);
    }
}
