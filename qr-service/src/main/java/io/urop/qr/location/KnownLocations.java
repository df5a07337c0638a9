package io.urop.qr.location;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.urop.events.tenant.LocationChanged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The locations table: the tenant's locations as tenant-service announced them; another tenant's are not among them.
 */
@Repository
public class KnownLocations {

    private static final TypeReference<List<OpeningHours.Period>> PERIODS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    KnownLocations(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<KnownLocation> find(UUID locationId) {
        return jdbc.sql("""
                        select id, name, open, time_zone, opening_hours::text as opening_hours, first_order_approval
                        from locations where id = ?""")
                .param(locationId)
                .query((rs, row) -> new KnownLocation(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getBoolean("open"), new OpeningHours(zone(rs.getString("time_zone")),
                                json.readValue(rs.getString("opening_hours"), PERIODS)),
                        rs.getBoolean("first_order_approval")))
                .optional();
    }

    /** Keeps the location as announced, unless a later version of it is kept already. */
    void keep(LocationChanged location) {
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
                .params(location.locationId(), location.tenantId(), location.name(),
                        location.status() == LocationChanged.Status.OPEN,
                        location.timeZone() == null ? "UTC" : location.timeZone(), json.writeValueAsString(hours),
                        location.firstOrderApproval(), location.version())
                .update();
    }

    /** A zone this JVM does not know (tenant-service's is newer) counts as UTC rather than closing the location. */
    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        }
        catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /**
     * @param open               whether it serves at all: false once its owner closed it
     * @param hours              when it serves
     * @param firstOrderApproval whether staff approve each table session before its first order goes to the kitchen
     */
    public record KnownLocation(UUID id, String name, boolean open, OpeningHours hours, boolean firstOrderApproval) {
    }
}
