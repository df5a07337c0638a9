package io.urop.order.location;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import io.urop.events.tenant.LocationChanged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The locations table: the tenant's locations as tenant-service announced them; another tenant's are not among them. */
@Repository
public class Locations {

    private final JdbcClient jdbc;

    Locations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Location> find(UUID locationId) {
        return jdbc.sql("""
                        select id, name, open, currency, time_zone, tax_rate_basis_points, prices_include_tax,
                               service_charge_basis_points, payment_mode, first_order_approval
                        from locations where id = ?""")
                .param(locationId)
                .query((rs, row) -> new Location(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getBoolean("open"), rs.getString("currency"), zone(rs.getString("time_zone")),
                        new TaxSettings(rs.getInt("tax_rate_basis_points"), rs.getBoolean("prices_include_tax"),
                                rs.getInt("service_charge_basis_points")),
                        PaymentMode.of(rs.getString("payment_mode")), rs.getBoolean("first_order_approval")))
                .optional();
    }

    /** Keeps the location as announced, unless a later version of it is kept already. */
    void keep(LocationChanged location) {
        jdbc.sql("""
                insert into locations (id, tenant_id, name, open, currency, time_zone, tax_rate_basis_points,
                    prices_include_tax, service_charge_basis_points, payment_mode, first_order_approval, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, open = excluded.open,
                    currency = excluded.currency, time_zone = excluded.time_zone,
                    tax_rate_basis_points = excluded.tax_rate_basis_points,
                    prices_include_tax = excluded.prices_include_tax,
                    service_charge_basis_points = excluded.service_charge_basis_points,
                    payment_mode = excluded.payment_mode, first_order_approval = excluded.first_order_approval,
                    version = excluded.version
                where locations.version < excluded.version""")
                .params(location.locationId(), location.tenantId(), location.name(),
                        location.status() == LocationChanged.Status.OPEN, location.currency(),
                        location.timeZone() == null ? "UTC" : location.timeZone(), location.taxRateBasisPoints(),
                        location.pricesIncludeTax(), location.serviceChargeBasisPoints(),
                        PaymentMode.of(location.paymentMode()).name(), location.firstOrderApproval(), location.version())
                .update();
    }

    /** A zone this JVM does not know (tenant-service's is newer) counts as UTC rather than refusing every order. */
    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        }
        catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
