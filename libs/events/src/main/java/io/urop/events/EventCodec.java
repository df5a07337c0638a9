package io.urop.events;

import java.time.Clock;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns contracts into envelopes and envelopes into JSON and back. Unknown fields are ignored on
 * reading, so a producer may add fields without breaking its consumers; a closed set's value a consumer does not
 * know reads as the set's {@code @JsonEnumDefaultValue} ({@code UNKNOWN}), which the consumer treats safely.
 */
public class EventCodec {

    private final JsonMapper json;
    private final Clock clock;

    public EventCodec(Clock clock) {
        this.clock = clock;
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .build();
    }

    public EventEnvelope envelope(Object contract, UUID tenantId, String aggregateId, String traceparent) {
        IntegrationEvent event = contractOf(contract.getClass());
        return new EventEnvelope(Uuid7.next(), event.type(), event.version(), clock.instant(), tenantId,
                aggregateId, traceparent, json.valueToTree(contract));
    }

    public String encode(EventEnvelope envelope) {
        return json.writeValueAsString(envelope);
    }

    public EventEnvelope decode(String text) {
        try {
            EventEnvelope envelope = json.readValue(text, EventEnvelope.class);
            if (envelope == null) {
                throw new MalformedEventException("Empty event");
            }
            return envelope;
        }
        catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("Not a readable event envelope: " + e.getMessage(), e);
        }
    }

    /** Reads the payload as the given contract, refusing an envelope of another type or version. */
    public <T> T payload(EventEnvelope envelope, Class<T> contractType) {
        IntegrationEvent event = contractOf(contractType);
        if (!event.type().equals(envelope.type()) || event.version() != envelope.version()) {
            throw new MalformedEventException("Event " + envelope.eventId() + " is " + envelope.type() + " v"
                    + envelope.version() + ", not " + event.type() + " v" + event.version());
        }
        try {
            return json.treeToValue(envelope.payload(), contractType);
        }
        catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEventException("Payload of event " + envelope.eventId() + " does not match "
                    + contractType.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public JsonNode tree(Object value) {
        return json.valueToTree(value);
    }

    public static IntegrationEvent contractOf(Class<?> type) {
        IntegrationEvent event = type.getAnnotation(IntegrationEvent.class);
        if (event == null) {
            throw new IllegalArgumentException(type.getName() + " is not an @IntegrationEvent contract");
        }
        return event;
    }
}
