package io.urop.stripe.emulator;

import java.util.List;
import java.util.Map;

/** Records events ({@code GET /v1/events}, {@code GET /v1/events/{id}}) and hands each to the webhook dispatcher. */
final class Events {

    private final Ledger ledger;
    private final WebhookDispatcher dispatcher;

    Events(Ledger ledger, WebhookDispatcher dispatcher) {
        this.ledger = ledger;
        this.dispatcher = dispatcher;
    }

    /** Called with the ledger's monitor held: the event copies the object as it is now. */
    Event emit(String type, ApiObject object, Map<String, Object> previousAttributes, String apiVersion, ApiRequest cause) {
        String accountId = object instanceof Account && !object.id.equals(ledger.platform.id) ? object.id : object.accountId;
        String connected = accountId.equals(ledger.platform.id) ? null : accountId;
        Event event = new Event(Ids.next("evt_"), accountId, connected, ledger.now(), type,
                ledger.apiVersion(apiVersion), object.toJson(), previousAttributes,
                cause == null ? null : cause.requestId(), cause == null ? null : cause.idempotencyKey(),
                dispatcher.endpointCountFor(connected));
        ledger.events.put(event.id, event);
        dispatcher.publish(event);
        return event;
    }

    Map<String, Object> retrieve(ApiRequest request) {
        return ledger.owned(ledger.events, request.pathParam(0), request.accountId(), "event", "id").toJson();
    }

    Map<String, Object> list(ApiRequest request) {
        Params params = request.params();
        String type = params.string("type");
        List<String> types = params.strings("types");
        var created = params.range("created");
        List<Event> events = ledger.newestFirst(ledger.events, request.accountId(), event ->
                (type == null || typeMatches(type, event.type))
                        && (types.isEmpty() || types.stream().anyMatch(t -> typeMatches(t, event.type)))
                        && created.test(event.created));
        return Listing.page(events, params, "/v1/events", Event::toJson);
    }

    /** {@code checkout.session.*} matches every checkout session event, as Stripe's type filter does. */
    private static boolean typeMatches(String pattern, String type) {
        return pattern.endsWith(".*") ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(type);
    }
}
