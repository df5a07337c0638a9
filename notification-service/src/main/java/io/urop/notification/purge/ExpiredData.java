package io.urop.notification.purge;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows past their keeping, of every tenant, as only a transaction marked {@code app.purge = 'expired'} sees them
 * (migration V3), claimed by one instance at a time through an advisory lock held until the transaction ends.
 */
@Repository
class ExpiredData {

    private static final long PURGE_LOCK = 0x75726f704e6f7469L;

    private final JdbcClient jdbc;

    ExpiredData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false, and nothing changes, when another instance is purging right now */
    boolean claim() {
        if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(PURGE_LOCK)
                .query(Boolean.class).single())) {
            return false;
        }
        jdbc.sql("select set_config('app.purge', 'expired', true)").query().singleValue();
        return true;
    }

    /** Deletes what is past its keeping; returns how many rows. */
    int delete() {
        return jdbc.sql("delete from order_contacts where updated_at < now() - interval '30 days'").update()
                + jdbc.sql("delete from placed_orders where placed_at < now() - interval '30 days'").update()
                + jdbc.sql("delete from deliveries where created_at < now() - interval '90 days'").update()
                + jdbc.sql("delete from refused_recipients where refused_at < now() - interval '1 year'").update();
    }
}
