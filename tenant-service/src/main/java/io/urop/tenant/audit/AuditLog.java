package io.urop.tenant.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import io.urop.events.Uuid7;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who did what in a tenant, when, from where: invitations sent, accepted and revoked, role and
 * location changes, deactivations. Written in the transaction of the change it records.
 */
@Component
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
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
}
