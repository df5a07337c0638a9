package io.urop.tenant.location;

import java.time.Instant;
import java.util.UUID;

public record LocationResponse(UUID id, LocationDetails details, boolean active, Instant createdAt, Instant updatedAt,
        long version) {

    static LocationResponse of(Location location) {
        return new LocationResponse(location.id(), location.details(), location.active(), location.createdAt(),
                location.updatedAt(), location.version());
    }
}
