package io.urop.tenant.location;

import java.time.Instant;
import java.util.UUID;

/** One restaurant of a tenant. {@code version} grows with every change (optimistic locking, ETag). */
public record Location(UUID id, UUID tenantId, LocationDetails details, boolean active, Instant createdAt,
        Instant updatedAt, long version) {
}
