package io.urop.tenant.location;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.urop.events.Uuid7;
import io.urop.messaging.outbox.Outbox;
import io.urop.security.CurrentUser;
import io.urop.contracts.Role;
import io.urop.web.NotFoundException;
import io.urop.web.StaleVersionException;
import io.urop.web.Paged;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's locations as each member may see them: owners every one, others only those their
 * account is limited to (a location outside that answers 404, like another tenant's). Owners open and
 * close locations; managers change the ones they run. Every change announces the location's new state
 * ({@code tenant.location-changed}) in its transaction.
 */
@Service
class LocationDirectory {

    private final Locations locations;
    private final Outbox outbox;
    private final Clock clock;

    LocationDirectory(Locations locations, Outbox outbox, Clock clock) {
        this.locations = locations;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Paged<LocationResponse> list(CurrentUser user, boolean includeInactive, int page, int size) {
        List<UUID> only = List.copyOf(user.locations());
        List<LocationResponse> items = locations.list(only, includeInactive, (long) page * size, size).stream()
                .map(LocationResponse::of).toList();
        return new Paged<>(items, page, size, locations.count(only, includeInactive));
    }

    @Transactional(readOnly = true)
    public Location get(CurrentUser user, UUID id) {
        return visible(user, id);
    }

    @Transactional
    public Location open(CurrentUser user, LocationDetails details) {
        requireOwner(user);
        UUID id = Uuid7.next();
        locations.insert(id, user.requireTenant(), details, clock.instant());
        return announced(id);
    }

    /** @param expectedVersion the version the caller last saw (If-Match), or null to overwrite */
    @Transactional
    public Location change(CurrentUser user, UUID id, LocationDetails details, Long expectedVersion) {
        if (!user.hasAnyRole(Role.OWNER, Role.MANAGER)) {
            throw new AccessDeniedException("Only owners and managers change locations");
        }
        Location current = visible(user, id);
        if ((expectedVersion != null && expectedVersion != current.version())
                || !locations.update(id, details, current.version(), clock.instant())) {
            throw new StaleVersionException("location");
        }
        return announced(id);
    }

    /** Closes a location for good; its history stays. */
    @Transactional
    public void close(CurrentUser user, UUID id) {
        requireOwner(user);
        visible(user, id);
        // closing a closed location changes nothing, so there is nothing to announce
        if (locations.deactivate(id, clock.instant())) {
            announced(id);
        }
    }

    private Location announced(UUID id) {
        Location location = locations.find(id).orElseThrow();
        outbox.add(location.changed(), location.tenantId(), location.id().toString());
        return location;
    }

    private Location visible(CurrentUser user, UUID id) {
        return locations.find(id).filter(location -> user.mayAccessLocation(location.id()))
                .orElseThrow(() -> new NotFoundException("No such location"));
    }

    private static void requireOwner(CurrentUser user) {
        if (!user.hasRole(Role.OWNER)) {
            throw new AccessDeniedException("Only owners open and close locations");
        }
    }
}
