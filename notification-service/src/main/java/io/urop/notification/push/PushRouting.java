package io.urop.notification.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.urop.events.EventEnvelope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which streams hear of an event, and what each is shown: a kitchen ticket goes to its station and to the location's
 * stream (the expeditor), a voided line to the stations whose tickets show it too; an order's changes, a tab's, a
 * payment's and a table session's go to the location's stream and to the diners of the session, a table's call for
 * staff to the location's stream alone; what sells out and
 * the kitchen's pacing go to the location and to its open menus, and so does a newly published menu (its id and
 * version only: each open menu reads the new one itself). A push carries the event's own payload and id
 * ({@code eventId}), so a client de-duplicates on it; diners are not shown who on the staff did what.
 */
final class PushRouting {

    private static final Set<String> TICKETS = Set.of("ticket.fired", "ticket.bumped", "ticket.recalled");

    private static final Set<String> OF_A_SESSION = Set.of("order.placed", "order.accepted", "order.ready",
            "order.recalled", "order.served", "order.completed", "order.cancelled", "order.rejected",
            "order.line-voided", "tab.changed", "payment.succeeded", "payment.expired", "payment.refunded",
            "payment.table-bill-settled", "table.session-closed", "table.session-moved", "table.sessions-merged");

    /** What only the location's staff are told: a table calling for them. */
    private static final Set<String> OF_THE_STAFF = Set.of("table.assistance-requested");

    /** What diners at the location may order now: what sells out, and whether online ordering is paused. */
    private static final Set<String> OF_THE_MENU = Set.of("order.item-sold-out", "menu.availability-changed",
            "order.pacing-changed");

    /**
     * Fields never shown to diners: those that may name a member of staff (who placed or added to an order for a
     * table), and the kitchen's pacing caps (a diner's menu needs only whether online ordering is paused).
     */
    private static final List<String> STAFF_ONLY = List.of("by", "approvedBy", "requestedBy", "placedBy", "addedBy",
            "maxOrdersPerSlot", "maxPrepMinutesPerStation");

    private PushRouting() {
    }

    static List<Push> of(EventEnvelope event) {
        JsonNode payload = event.payload();
        if (event.type().equals("menu.published")) {
            return published(event);
        }
        Optional<UUID> location = uuid(payload, "locationId");
        if (location.isEmpty()) {
            return List.of();
        }
        String type = event.type();
        List<Push> pushes = new ArrayList<>();
        if (TICKETS.contains(type)) {
            pushes.add(new Push(PushStream.location(location.get()), type, shown(event, false)));
            stationStream(location.get(), payload.path("station").asString(""))
                    .ifPresent(stream -> pushes.add(new Push(stream, type, shown(event, false))));
        }
        else if (OF_A_SESSION.contains(type)) {
            pushes.add(new Push(PushStream.location(location.get()), type, shown(event, false)));
            uuid(payload, type.startsWith("table.") ? "sessionId" : "tableSessionId")
                    .ifPresent(session -> pushes.add(new Push(PushStream.session(session), type, shown(event, true))));
            if (type.equals("order.line-voided")) {
                payload.path("stations").forEach(station -> stationStream(location.get(), station.asString(""))
                        .ifPresent(stream -> pushes.add(new Push(stream, type, shown(event, false)))));
            }
        }
        else if (OF_THE_STAFF.contains(type)) {
            pushes.add(new Push(PushStream.location(location.get()), type, shown(event, false)));
        }
        else if (OF_THE_MENU.contains(type)) {
            pushes.add(new Push(PushStream.location(location.get()), type, shown(event, false)));
            pushes.add(new Push(PushStream.menu(location.get()), type, shown(event, true)));
        }
        return pushes;
    }

    private static List<Push> published(EventEnvelope event) {
        ObjectNode notice = JsonNodeFactory.instance.objectNode();
        notice.put("menuId", event.payload().path("menuId").asString(""));
        notice.put("version", event.payload().path("version").asInt());
        notice.put("eventId", event.eventId().toString());
        List<Push> pushes = new ArrayList<>();
        event.payload().path("locationIds").forEach(id -> uuid(id).ifPresent(location -> {
            pushes.add(new Push(PushStream.location(location), event.type(), notice));
            pushes.add(new Push(PushStream.menu(location), event.type(), notice));
        }));
        return pushes;
    }

    private static JsonNode shown(EventEnvelope event, boolean toDiners) {
        ObjectNode data = ((ObjectNode) event.payload()).deepCopy();
        data.put("eventId", event.eventId().toString());
        if (toDiners) {
            STAFF_ONLY.forEach(data::remove);
            data.path("lines").forEach(line -> {
                if (line instanceof ObjectNode fields) {
                    STAFF_ONLY.forEach(fields::remove);
                }
            });
        }
        return data;
    }

    private static Optional<PushStream> stationStream(UUID location, String station) {
        return PushStream.parse("station:" + location + ":" + station);
    }

    private static Optional<UUID> uuid(JsonNode payload, String field) {
        return uuid(payload.path(field));
    }

    private static Optional<UUID> uuid(JsonNode value) {
        try {
            return Optional.ofNullable(value.asString(null)).map(UUID::fromString);
        }
        catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
