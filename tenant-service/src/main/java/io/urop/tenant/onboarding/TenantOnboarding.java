package io.urop.tenant.onboarding;

import java.time.Clock;
import java.util.UUID;

import io.urop.events.tenant.TenantCreated;
import io.urop.messaging.outbox.Outbox;
import io.urop.tenancy.TenantContext;
import io.urop.web.ConflictException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates a tenant and announces it, in one transaction. */
@Service
class TenantOnboarding {

    private final TenantRepository tenants;
    private final Outbox outbox;
    private final Clock clock;

    TenantOnboarding(TenantRepository tenants, Outbox outbox, Clock clock) {
        this.tenants = tenants;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Must run with the new tenant's id bound (see {@link TenantContext}): its row is in its own scope. */
    @Transactional
    public TenantResponse onboard(UUID id, NewTenantRequest request) {
        Tenant tenant = new Tenant(id, request.slug(), request.name().strip(), request.currency(), request.timeZone(),
                clock.instant());
        try {
            tenants.saveAndFlush(tenant);
        }
        catch (DataIntegrityViolationException e) {
            throw new ConflictException("The slug '" + request.slug() + "' is taken");
        }
        outbox.add(new TenantCreated(id, tenant.slug(), tenant.name(), tenant.currency(), tenant.timeZone()), id,
                id.toString());
        return TenantResponse.of(tenant);
    }
}
