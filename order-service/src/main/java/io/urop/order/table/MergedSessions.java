package io.urop.order.table;

import java.util.UUID;

import io.urop.events.table.TableSessionsMerged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The merged_sessions table: which session each merged table session went into. A diner keeps the token of its
 * first session after a merge; what it orders, and its cart, are the session's it went into.
 */
@Repository
public class MergedSessions {

    private final JdbcClient jdbc;

    MergedSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The session {@code sessionId} is now: itself, or the one it was merged into (also after several merges). */
    public UUID current(UUID sessionId) {
        return jdbc.sql("select merged_into from merged_sessions where session_id = ?").param(sessionId)
                .query(UUID.class).optional().orElse(sessionId);
    }

    /** Sessions merged earlier into the merged one now point at the session it went into. */
    void keep(TableSessionsMerged merged) {
        jdbc.sql("""
                insert into merged_sessions (session_id, tenant_id, merged_into) values (?, ?, ?)
                on conflict (session_id) do nothing""")
                .params(merged.mergedSessionId(), merged.tenantId(), merged.sessionId())
                .update();
        jdbc.sql("update merged_sessions set merged_into = ? where merged_into = ?")
                .params(merged.sessionId(), merged.mergedSessionId())
                .update();
    }
}
