package io.urop.stripe.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something that happened to an object, with a copy of the object as it was then. An event of a connected account
 * carries that account's id in {@code account} and goes to Connect webhook endpoints.
 */
final class Event extends ApiObject {

    final String type;
    final String connectedAccountId;
    final String apiVersion;
    final Map<String, Object> dataObject;
    final Map<String, Object> previousAttributes;
    final String requestId;
    final String idempotencyKey;
    final String payload;

    Event(String id, String accountId, String connectedAccountId, long created, String type, String apiVersion,
            Map<String, Object> dataObject, Map<String, Object> previousAttributes, String requestId,
            String idempotencyKey, int pendingWebhooks) {
        super(id, accountId, created);
        this.type = type;
        this.connectedAccountId = connectedAccountId;
        this.apiVersion = apiVersion;
        this.dataObject = dataObject;
        this.previousAttributes = previousAttributes;
        this.requestId = requestId;
        this.idempotencyKey = idempotencyKey;
        this.payload = Json.write(toJson(pendingWebhooks));
    }

    @Override
    String objectName() {
        return "event";
    }

    @Override
    Map<String, Object> toJson() {
        return toJson(0);
    }

    private Map<String, Object> toJson(int pendingWebhooks) {
        Map<String, Object> json = header();
        if (connectedAccountId != null) {
            json.put("account", connectedAccountId);
        }
        json.put("api_version", apiVersion);
        json.put("created", created);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("object", dataObject);
        if (previousAttributes != null) {
            data.put("previous_attributes", previousAttributes);
        }
        json.put("data", data);
        json.put("livemode", false);
        json.put("pending_webhooks", pendingWebhooks);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", requestId);
        request.put("idempotency_key", idempotencyKey);
        json.put("request", request);
        json.put("type", type);
        return json;
    }
}
