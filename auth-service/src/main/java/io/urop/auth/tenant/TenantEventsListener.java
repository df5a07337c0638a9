package io.urop.auth.tenant;

import java.time.Clock;

import io.urop.events.tenant.TenantCreated;
import io.urop.messaging.inbox.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Learns of new tenants, once each, so that their accounts can be created. */
@Component
class TenantEventsListener {

    private final Inbox inbox;
    private final KnownTenantRepository knownTenants;
    private final Clock clock;

    TenantEventsListener(Inbox inbox, KnownTenantRepository knownTenants, Clock clock) {
        this.inbox = inbox;
        this.knownTenants = knownTenants;
        this.clock = clock;
    }

    @KafkaListener(topics = "tenant.events")
    void on(String message) {
        inbox.process(message, "known-tenants", TenantCreated.class, created -> knownTenants.save(
                new KnownTenant(created.tenantId(), created.slug(), created.name(), clock.instant())));
    }
}
