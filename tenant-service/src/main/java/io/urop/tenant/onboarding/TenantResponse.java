package io.urop.tenant.onboarding;

import java.time.Instant;
import java.util.UUID;

record TenantResponse(UUID id, String slug, String name, String currency, String timeZone, Instant createdAt) {

    static TenantResponse of(Tenant tenant) {
        return new TenantResponse(tenant.id(), tenant.slug(), tenant.name(), tenant.currency(), tenant.timeZone(),
                tenant.createdAt());
    }
}
