package io.urop.qr.location;

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

    LocationEventsListener(Inbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = "tenant.events")
    void on(String message) {
        inbox.process(message, "qr-locations", LocationChanged.class, this::keep);
    }

    private void keep(LocationChanged location) {
        jdbc.sql("""
                insert into locations (id, tenant_id, name, open, version) values (?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, open = excluded.open, version = excluded.version
                where locations.version < excluded.version""")
                .params(location.locationId(), location.tenantId(), location.name(), "OPEN".equals(location.status()),
                        location.version())
                .update();
    }
}
