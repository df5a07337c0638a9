package io.urop.events;

import java.util.Set;

/** The platform's topics: one per producing area, each with a dead-letter topic. */
public final class EventTopics {

    public static final Set<String> AREAS = Set.of("auth", "tenant", "menu", "table", "order", "payment", "notification");

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private EventTopics() {
    }

    /** {@code tenant.created} → {@code tenant.events}. */
    public static String of(String eventType) {
        int dot = eventType.indexOf('.');
        String area = dot < 0 ? eventType : eventType.substring(0, dot);
        if (dot <= 0 || dot == eventType.length() - 1 || !AREAS.contains(area)) {
            throw new IllegalArgumentException("Event type '" + eventType + "' does not name a known area " + AREAS);
        }
        return area + ".events";
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
