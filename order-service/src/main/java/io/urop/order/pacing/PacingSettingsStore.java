package io.urop.order.pacing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pacing_settings table: each location's pacing, as its managers last set it. */
@Repository
class PacingSettingsStore {

    private static final TypeReference<Map<String, Integer>> MINUTES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PacingSettingsStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<PacingSettings> find(UUID locationId) {
        return jdbc.sql("""
                        select online_ordering_paused, max_orders_per_slot, max_prep_minutes_per_station::text
                        from pacing_settings where location_id = ?""")
                .param(locationId)
                .query((rs, row) -> new PacingSettings(rs.getBoolean("online_ordering_paused"),
                        rs.getObject("max_orders_per_slot", Integer.class),
                        json.readValue(rs.getString("max_prep_minutes_per_station"), MINUTES)))
                .optional();
    }

    void save(UUID locationId, UUID tenantId, PacingSettings settings, Instant at, String by) {
        jdbc.sql("""
                insert into pacing_settings (location_id, tenant_id, online_ordering_paused, max_orders_per_slot,
                    max_prep_minutes_per_station, updated_at, updated_by)
                values (?, ?, ?, ?, ?::jsonb, ?, ?)
                on conflict (location_id) do update set online_ordering_paused = excluded.online_ordering_paused,
                    max_orders_per_slot = excluded.max_orders_per_slot,
                    max_prep_minutes_per_station = excluded.max_prep_minutes_per_station,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(locationId, tenantId, settings.onlineOrderingPaused(), settings.maxOrdersPerSlot(),
                        json.writeValueAsString(settings.maxPrepMinutesPerStation()), Timestamp.from(at), by)
                .update();
    }
}
