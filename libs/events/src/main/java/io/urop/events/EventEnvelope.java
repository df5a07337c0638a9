package io.urop.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * What travels on Kafka: one integration event with the facts every consumer needs to route,
 * deduplicate and trace it. The payload stays a JSON tree until a consumer asks for its contract.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        UUID tenantId,
        String aggregateId,
        String traceparent,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
    }

    /** The Kafka topic of this event: the part of the type before the first dot, plus {@code .events}. */
    public String topic() {
        return EventTopics.of(type);
    }
}
