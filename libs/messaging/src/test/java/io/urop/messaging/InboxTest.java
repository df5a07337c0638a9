package io.urop.messaging;

import java.util.List;
import java.util.UUID;

import io.urop.events.EventCodec;
import io.urop.events.EventEnvelope;
import io.urop.events.MalformedEventException;
import io.urop.events.tenant.TenantCreated;
import io.urop.messaging.inbox.Inbox;
import io.urop.test.InfrastructureInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class InboxTest {

    @Autowired
    Inbox inbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventCodec codec;

    @Test
    void anEventIsAppliedOnceInItsTenantsScope() {
        UUID tenant = UUID.randomUUID();
        EventEnvelope event = created(tenant);
        String message = codec.encode(event);

        assertThat(inbox.process(message, "notes", TenantCreated.class, created -> record(event, created.slug()))).isTrue();
        assertThat(inbox.process(message, "notes", TenantCreated.class, created -> record(event, "again"))).isFalse();

        assertThat(jdbc.queryForList("select note from effects where event_id = ?", String.class, event.eventId()))
                .containsExactly("t-" + tenant);
        assertThat(jdbc.queryForObject("select tenant from effects where event_id = ?", String.class, event.eventId()))
                .isEqualTo(tenant.toString());
    }

    @Test
    void eachConsumerOfAServiceAppliesTheEventOnce() {
        EventEnvelope event = created(UUID.randomUUID());
        String message = codec.encode(event);

        inbox.process(message, "notes", TenantCreated.class, created -> record(event, "notes"));
        inbox.process(message, "welcome-mail", TenantCreated.class, created -> record(event, "welcome-mail"));

        assertThat(jdbc.queryForList("select note from effects where event_id = ? order by note", String.class,
                event.eventId())).containsExactly("notes", "welcome-mail");
    }

    @Test
    void aFailedEffectLeavesNoTraceAndCanBeRetried() {
        EventEnvelope event = created(UUID.randomUUID());
        String message = codec.encode(event);

        assertThatThrownBy(() -> inbox.process(message, "notes", TenantCreated.class, created -> {
            record(event, "half-done");
            throw new IllegalStateException("downstream failure");
        })).hasMessage("downstream failure");
        assertThat(effects(event)).isEmpty();

        assertThat(inbox.process(message, "notes", TenantCreated.class, created -> record(event, "done"))).isTrue();
        assertThat(effects(event)).containsExactly("done");
    }

    @Test
    void eventsOfOtherTypesAreLeftAlone() {
        EventEnvelope event = created(UUID.randomUUID());
        EventEnvelope renamed = new EventEnvelope(event.eventId(), "tenant.renamed", 1, event.occurredAt(),
                event.tenantId(), event.aggregateId(), null, event.payload());

        assertThat(inbox.process(codec.encode(renamed), "notes", TenantCreated.class, created -> record(event, "x")))
                .isFalse();
        assertThat(jdbc.queryForObject("select count(*) from inbox where event_id = ?", Long.class, event.eventId())).isZero();
    }

    @Test
    void aVersionTheConsumerCannotReadIsMalformedNotSkipped() {
        EventEnvelope event = created(UUID.randomUUID());
        EventEnvelope newer = new EventEnvelope(event.eventId(), event.type(), 2, event.occurredAt(), event.tenantId(),
                event.aggregateId(), null, event.payload());

        assertThatThrownBy(() -> inbox.process(codec.encode(newer), "notes", TenantCreated.class, c -> record(event, "x")))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> inbox.process("[1,2", "notes", TenantCreated.class, c -> record(event, "x")))
                .isInstanceOf(MalformedEventException.class);
    }

    private void record(EventEnvelope event, String note) {
        jdbc.update("insert into effects (event_id, tenant, note) values (?, current_setting('app.tenant_id', true), ?)",
                event.eventId(), note);
    }

    private List<String> effects(EventEnvelope event) {
        return jdbc.queryForList("select note from effects where event_id = ?", String.class, event.eventId());
    }

    private EventEnvelope created(UUID tenant) {
        return codec.envelope(new TenantCreated(tenant, "t-" + tenant, "Test", "EUR", "UTC"), tenant, tenant.toString(), null);
    }
}
