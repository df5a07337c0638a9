package io.urop.menu.editing;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant's menu: its name, the locations it is served at, and how far it got: the draft's revision (its
 * ETag) and the live version, if any was published.
 */
public record Menu(UUID id, UUID tenantId, String name, Set<UUID> locationIds, long draftRevision,
        Integer publishedVersion, Instant createdAt, Instant updatedAt) {

    public Menu {
        locationIds = Set.copyOf(locationIds);
    }
}
