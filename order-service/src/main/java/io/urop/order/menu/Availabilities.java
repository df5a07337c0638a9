package io.urop.order.menu;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.urop.events.menu.AvailabilityChanged;
import io.urop.menu.model.Availability;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The availability table: what each location ran out of ("86"), as menu-service announced it. */
@Repository
public class Availabilities {

    private final JdbcClient jdbc;

    Availabilities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The location's items and options that cannot be ordered now. */
    public Availability at(UUID locationId) {
        Set<UUID> items = new HashSet<>();
        Set<UUID> options = new HashSet<>();
        jdbc.sql("select target_id, kind from availability where location_id = ? and not available")
                .param(locationId)
                .query(rs -> {
                    UUID target = rs.getObject("target_id", UUID.class);
                    (AvailabilityChanged.Kind.OPTION.name().equals(rs.getString("kind")) ? options : items).add(target);
                });
        return new Availability(items, options);
    }

    /** Keeps the change unless a later one of the same target is kept already (a redelivery may come late). */
    void keep(AvailabilityChanged change) {
        if (change.kind() == AvailabilityChanged.Kind.UNKNOWN) {
            return;
        }
        jdbc.sql("""
                insert into availability (location_id, target_id, tenant_id, kind, available, changed_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (location_id, target_id) do update set available = excluded.available,
                    kind = excluded.kind, changed_at = excluded.changed_at
                where availability.changed_at <= excluded.changed_at""")
                .params(change.locationId(), change.targetId(), change.tenantId(), change.kind().name(),
                        change.available(), Timestamp.from(change.changedAt()))
                .update();
    }
}
