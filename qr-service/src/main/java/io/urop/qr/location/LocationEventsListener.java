package io.urop.qr.location;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import io.urop.events.tenant.LocationChanged;
import io.urop.messaging.inbox.Inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps qr-service's copy of the tenant's locations, from tenant-service's {@code tenant.location-changed}: each
 * event once, and never an older state over a newer one.
 */
@Component
class LocationEventsListener {

    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    LocationEventsListener(Inbox inbox, JdbcClient jdbc, JsonMapper json) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.json = json;
    }

    @KafkaListener(topics = "tenant.events")
    void on(String message) {
        inbox.process(message, "qr-locations", LocationChanged.class, this::keep);
    }

    private void keep(LocationChanged location) {
        List<OpeningHours.Period> hours = location.openingHours().stream()
                .map(period -> new OpeningHours.Period(period.day(), period.opens(), period.closes()))
                .toList();
        jdbc.sql("""
                insert into locations (id, tenant_id, name, open, time_zone, opening_hours, first_order_approval, version)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                on conflict (id) do update set name = excluded.name, open = excluded.open,
                    time_zone = excluded.time_zone, opening_hours = excluded.opening_hours,
                    first_order_approval = excluded.first_order_approval, version = excluded.version
                where locations.version < excluded.version""")
                .params(location.locationId(), location.tenantId(), location.name(), "OPEN".equals(location.status()),
                        location.timeZone() == null ? "UTC" : location.timeZone(), json.writeValueAsString(hours),
                        location.firstOrderApproval(),
                        location.version())
                .update();
    }
}
