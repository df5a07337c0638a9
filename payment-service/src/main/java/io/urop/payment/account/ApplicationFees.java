package io.urop.payment.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The platform's fee for the restaurants that do not pay the default one; of the tenant bound to the transaction. */
@Repository
public class ApplicationFees {

    private final JdbcClient jdbc;

    ApplicationFees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant's own fee in basis points, if it has one. */
    public Optional<Integer> of(UUID tenantId) {
        return jdbc.sql("select basis_points from application_fees where tenant_id = ?").param(tenantId)
                .query(Integer.class).optional();
    }

    void set(UUID tenantId, int basisPoints, String by, Instant at) {
        jdbc.sql("""
                insert into application_fees (tenant_id, basis_points, set_by, set_at) values (?, ?, ?, ?)
                on conflict (tenant_id) do update set basis_points = excluded.basis_points, set_by = excluded.set_by,
                    set_at = excluded.set_at""")
                .params(tenantId, basisPoints, by, Timestamp.from(at))
                .update();
    }

    void remove(UUID tenantId) {
        jdbc.sql("delete from application_fees where tenant_id = ?").param(tenantId).update();
    }
}
