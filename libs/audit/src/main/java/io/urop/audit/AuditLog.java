package io.urop.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.urop.events.Uuid7;
import io.urop.web.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who did what in a tenant, when and from where. An event is written in the transaction of the change
 * it records, bound to that tenant, so it exists exactly when the change does; it is read back
 * newest first, within the tenant bound to the reading transaction.
 */
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID tenantId, String actor, String action, String subject, String clientIp,
            Map<String, ?> details) {
        jdbc.sql("""
                insert into audit_events (id, tenant_id, occurred_at, actor, action, subject, client_ip, details)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(Uuid7.next(), tenantId, Timestamp.from(clock.instant()), actor, action, subject, clientIp,
                        JSON.writeValueAsString(details))
                .update();
    }

    /** The bound tenant's events, newest first. */
    @Transactional(readOnly = true)
    public Paged<AuditEvent> page(int page, int size) {
        List<AuditEvent> events = jdbc.sql("""
                select * from audit_events order by occurred_at desc, id desc offset ? limit ?""")
                .params((long) page * size, size)
                .query((rs, row) -> new AuditEvent(rs.getObject("id", UUID.class),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("client_ip"),
                        JSON.readValue(rs.getString("details"), DETAILS)))
                .list();
        long total = jdbc.sql("select count(*) from audit_events").query(Long.class).single();
        return new Paged<>(events, page, size, total);
    }
}
