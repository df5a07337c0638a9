package io.urop.stripe.emulator;

import java.util.List;
import java.util.Map;

/** {@code /v1/payment_intents} and {@code /v1/charges}: read-only, they are made by paying checkout sessions. */
final class PaymentIntentsApi {

    private final Ledger ledger;

    PaymentIntentsApi(Ledger ledger) {
        this.ledger = ledger;
    }

    Map<String, Object> retrieve(ApiRequest request) {
        PaymentIntent paymentIntent = ledger.owned(ledger.paymentIntents, request.pathParam(0), request.accountId(),
                "payment_intent", "intent");
        return paymentIntent.toJson(request.expand().contains("latest_charge"));
    }

    Map<String, Object> list(ApiRequest request) {
        var created = request.params().range("created");
        List<PaymentIntent> paymentIntents = ledger.newestFirst(ledger.paymentIntents, request.accountId(),
                paymentIntent -> created.test(paymentIntent.created));
        boolean expand = request.expand().contains("data.latest_charge");
        return Listing.page(paymentIntents, request.params(), "/v1/payment_intents",
                paymentIntent -> paymentIntent.toJson(expand));
    }

    Map<String, Object> retrieveCharge(ApiRequest request) {
        return ledger.owned(ledger.charges, request.pathParam(0), request.accountId(), "charge", "charge").toJson();
    }

    Map<String, Object> listCharges(ApiRequest request) {
        String paymentIntent = request.params().string("payment_intent");
        var created = request.params().range("created");
        List<Charge> charges = ledger.newestFirst(ledger.charges, request.accountId(), charge ->
                (paymentIntent == null || paymentIntent.equals(charge.paymentIntent.id)) && created.test(charge.created));
        return Listing.page(charges, request.params(), "/v1/charges", Charge::toJson);
    }
}
