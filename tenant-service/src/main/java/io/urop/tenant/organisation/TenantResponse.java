package io.urop.tenant.organisation;

import java.time.Instant;
import java.util.UUID;

public record TenantResponse(UUID id, String slug, String name, String currency, String timeZone, Instant createdAt) {

    public static TenantResponse of(Tenant tenant) {
        return new TenantResponse(tenant.id(), tenant.slug(), tenant.name(), tenant.currency(), tenant.timeZone(),
                tenant.createdAt());
    }
}
