package io.urop.order.table;

import java.sql.Timestamp;
import java.util.UUID;

import io.urop.events.table.TableSessionApproved;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The approved_sessions table: table sessions staff approved, at locations whose orders wait for that. */
@Repository
public class ApprovedSessions {

    private final JdbcClient jdbc;

    ApprovedSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean approved(UUID sessionId) {
        return jdbc.sql("select exists (select 1 from approved_sessions where session_id = ?)").param(sessionId)
                .query(Boolean.class).single();
    }

    void keep(TableSessionApproved approval) {
        jdbc.sql("""
                insert into approved_sessions (session_id, tenant_id, approved_at) values (?, ?, ?)
                on conflict (session_id) do nothing""")
                .params(approval.sessionId(), approval.tenantId(), Timestamp.from(approval.approvedAt()))
                .update();
    }
}
