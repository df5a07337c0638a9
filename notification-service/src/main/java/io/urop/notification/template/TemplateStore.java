package io.urop.notification.template;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.urop.notification.delivery.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tenants' own wordings of messages. */
@Repository
class TemplateStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    TemplateStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Wording> find(UUID tenantId, MessageKind kind, Channel channel, String language) {
        return jdbc.sql("""
                select subject, body from message_templates
                where tenant_id = ? and kind = ? and channel = ? and language = ?""")
                .params(tenantId, kind.wireName(), channel.name(), language)
                .query((row, n) -> new Wording(row.getString("subject"), row.getString("body"))).optional();
    }

    List<TenantWording> all(UUID tenantId) {
        return jdbc.sql("select kind, channel, language, subject, body from message_templates where tenant_id = ?")
                .param(tenantId)
                .query((row, n) -> new TenantWording(row.getString("kind"), Channel.valueOf(row.getString("channel")),
                        row.getString("language"), new Wording(row.getString("subject"), row.getString("body"))))
                .list();
    }

    void save(UUID tenantId, MessageKind kind, Channel channel, String language, Wording wording, String by) {
        jdbc.sql("""
                insert into message_templates (tenant_id, kind, channel, language, subject, body, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, kind, channel, language) do update
                    set subject = excluded.subject, body = excluded.body, updated_by = excluded.updated_by,
                        updated_at = excluded.updated_at""")
                .params(tenantId, kind.wireName(), channel.name(), language, wording.subject(), wording.body(), by,
                        Timestamp.from(clock.instant()))
                .update();
    }

    boolean delete(UUID tenantId, MessageKind kind, Channel channel, String language) {
        return jdbc.sql("""
                delete from message_templates where tenant_id = ? and kind = ? and channel = ? and language = ?""")
                .params(tenantId, kind.wireName(), channel.name(), language).update() > 0;
    }

    record TenantWording(String kind, Channel channel, String language, Wording wording) {
    }
}
