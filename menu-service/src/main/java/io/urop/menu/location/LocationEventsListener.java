package io.urop.menu.location;

import io.urop.events.tenant.LocationChanged;
import io.urop.messaging.inbox.Inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps menu-service's copy of the tenant's locations (their time zone decides which dayparts are on), from
 * tenant-service's {@code tenant.location-changed}: each event once, and never an older state over a newer one.
 */
@Component
class LocationEventsListener {

    private final Inbox inbox;
    private final JdbcClient jdbc;

    LocationEventsListener(Inbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = "tenant.events")
    void on(String message) {
        inbox.process(message, "menu-locations", LocationChanged.class, this::keep);
    }

    private void keep(LocationChanged location) {
        jdbc.sql("""
                insert into locations (id, tenant_id, name, time_zone, currency, open, version)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, time_zone = excluded.time_zone,
                    currency = excluded.currency, open = excluded.open, version = excluded.version
                where locations.version < excluded.version""")
                .params(location.locationId(), location.tenantId(), location.name(), location.timeZone(),
                        location.currency(), "OPEN".equals(location.status()), location.version())
                .update();
    }
}
