package io.urop.events.tenant;

import java.util.UUID;

import io.urop.events.IntegrationEvent;

/** A restaurant organisation signed up. Produced by tenant-service. */
@IntegrationEvent(type = "tenant.created", version = 1)
public record TenantCreated(UUID tenantId, String slug, String name, String currency, String timeZone) {
}
