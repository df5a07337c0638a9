package io.urop.tenant.location;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The locations table; every call runs in a transaction bound to the tenant. */
@Repository
public class Locations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<OpeningPeriod>> OPENING_HOURS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    Locations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID tenantId, LocationDetails details, Instant now) {
        jdbc.sql("""
                insert into locations (id, tenant_id, name, address_line1, address_line2, postal_code, city, country,
                                       currency, time_zone, tax_rate_bp, prices_include_tax, service_charge_bp,
                                       payment_mode, opening_hours, menu_access, first_order_approval, created_at,
                                       updated_at)
                values (:id, :tenant, :name, :line1, :line2, :postalCode, :city, :country, :currency, :timeZone,
                        :taxRate, :pricesIncludeTax, :serviceCharge, :paymentMode, :openingHours::jsonb, :menuAccess,
                        :firstOrderApproval, :now, :now)""")
                .param("id", id).param("tenant", tenantId).params(columns(details))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** @return false if the location does not exist or was changed since {@code expectedVersion} */
    public boolean update(UUID id, LocationDetails details, long expectedVersion, Instant now) {
        return jdbc.sql("""
                update locations set name = :name, address_line1 = :line1, address_line2 = :line2,
                       postal_code = :postalCode, city = :city, country = :country, currency = :currency,
                       time_zone = :timeZone, tax_rate_bp = :taxRate, prices_include_tax = :pricesIncludeTax,
                       service_charge_bp = :serviceCharge, payment_mode = :paymentMode,
                       opening_hours = :openingHours::jsonb, menu_access = :menuAccess,
                       first_order_approval = :firstOrderApproval, updated_at = :now, version = version + 1
                where id = :id and version = :version""")
                .params(columns(details)).param("id", id).param("version", expectedVersion)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    public boolean deactivate(UUID id, Instant now) {
        return jdbc.sql("update locations set active = false, updated_at = ?, version = version + 1 where id = ? and active")
                .params(Timestamp.from(now), id).update() == 1;
    }

    public Optional<Location> find(UUID id) {
        return jdbc.sql("select * from locations where id = ?").param(id).query(Locations::map).optional();
    }

    /** The tenant's locations by name, optionally only some ({@code only} empty = all). */
    public List<Location> list(List<UUID> only, boolean includeInactive, long offset, int limit) {
        return jdbc.sql("""
                select * from locations
                where (:all or id = any(:only::uuid[])) and (active or :includeInactive)
                order by name, id offset :offset limit :limit""")
                .param("all", only.isEmpty()).param("only", uuidArray(only)).param("includeInactive", includeInactive)
                .param("offset", offset).param("limit", limit)
                .query(Locations::map).list();
    }

    public long count(List<UUID> only, boolean includeInactive) {
        return jdbc.sql("""
                select count(*) from locations where (:all or id = any(:only::uuid[])) and (active or :includeInactive)""")
                .param("all", only.isEmpty()).param("only", uuidArray(only)).param("includeInactive", includeInactive)
                .query(Long.class).single();
    }

    private static java.util.Map<String, Object> columns(LocationDetails details) {
        java.util.Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("name", details.name());
        columns.put("line1", details.address().line1());
        columns.put("line2", details.address().line2());
        columns.put("postalCode", details.address().postalCode());
        columns.put("city", details.address().city());
        columns.put("country", details.address().country());
        columns.put("currency", details.currency());
        columns.put("timeZone", details.timeZone());
        columns.put("taxRate", details.taxRateBasisPoints());
        columns.put("pricesIncludeTax", details.pricesIncludeTax());
        columns.put("serviceCharge", details.serviceChargeBasisPoints());
        columns.put("paymentMode", details.paymentMode().name());
        columns.put("openingHours", JSON.writeValueAsString(details.openingHours()));
        columns.put("menuAccess", details.menuAccess().name());
        columns.put("firstOrderApproval", details.firstOrderApproval());
        return columns;
    }

    private static String uuidArray(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private static Location map(ResultSet rs, int row) throws SQLException {
        LocationDetails details = new LocationDetails(rs.getString("name"),
                new Address(rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("postal_code"),
                        rs.getString("city"), rs.getString("country")),
                rs.getString("currency"), rs.getString("time_zone"), rs.getInt("tax_rate_bp"),
                rs.getBoolean("prices_include_tax"), rs.getInt("service_charge_bp"),
                PaymentMode.valueOf(rs.getString("payment_mode")),
                JSON.readValue(rs.getString("opening_hours"), OPENING_HOURS),
                MenuAccess.valueOf(rs.getString("menu_access")), rs.getBoolean("first_order_approval"));
        return new Location(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), details,
                rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
