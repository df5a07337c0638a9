package io.urop.events;

import java.util.Map;
import java.util.Set;

/** The platform's topics: one per producing area, each with a dead-letter topic. */
public final class EventTopics {

    public static final Set<String> AREAS = Set.of("auth", "tenant", "menu", "table", "order", "payment", "notification");

    /**
     * Names of events that are not an area's own but belong to one: order-service's kitchen tickets and table tabs go
     * with their orders, so that one order's events, keyed by its id, stay in order on one topic.
     */
    private static final Map<String, String> PART_OF = Map.of("ticket", "order", "tab", "order");

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private EventTopics() {
    }

    /** {@code tenant.created} → {@code tenant.events}; {@code ticket.fired} → {@code order.events}. */
    public static String of(String eventType) {
        int dot = eventType.indexOf('.');
        String prefix = dot < 0 ? eventType : eventType.substring(0, dot);
        String area = PART_OF.getOrDefault(prefix, prefix);
        if (dot <= 0 || dot == eventType.length() - 1 || !AREAS.contains(area)) {
            throw new IllegalArgumentException("Event type '" + eventType + "' does not name a known area " + AREAS);
        }
        return area + ".events";
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
