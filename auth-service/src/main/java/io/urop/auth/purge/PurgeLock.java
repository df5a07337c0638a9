package io.urop.auth.purge;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What makes a transaction the purge's, until it ends: the advisory lock that lets one instance purge at a time, and
 * {@code app.purge}, under which the {@code purge_ended} policies (migration V6) show it the rows that ended, of every
 * tenant, and nothing else.
 */
@Repository
class PurgeLock {

    private static final long PURGE_LOCK = 0x75726f7050757267L;

    private final JdbcClient jdbc;

    PurgeLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false, and nothing changes, when another instance is purging right now */
    boolean claim() {
        if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(PURGE_LOCK)
                .query(Boolean.class).single())) {
            return false;
        }
        jdbc.sql("select set_config('app.purge', 'ended', true)").query().singleValue();
        return true;
    }
}
