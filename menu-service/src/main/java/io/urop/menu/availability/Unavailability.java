package io.urop.menu.availability;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.urop.events.menu.AvailabilityChanged;
import io.urop.menu.access.MenuAccess;
import io.urop.menu.availability.Unavailable.Kind;
import io.urop.menu.editing.Menus;
import io.urop.menu.location.KnownLocations;
import io.urop.menu.model.MenuIndex;
import io.urop.menu.model.MenuSnapshot;
import io.urop.menu.publishing.MenuVersions;
import io.urop.messaging.outbox.Outbox;
import io.urop.security.CurrentUser;
import io.urop.web.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marking an item or an option of a location's live menu as run out ("86") and back, during service and
 * without publishing: diners see it at once (the location's cached menu is dropped on commit), and
 * {@code menu.availability-changed} tells order-service. Any of the tenant's staff who may act at the
 * location may do it.
 */
@Service
class Unavailability {

    private final UnavailableTargets unavailable;
    private final Menus menus;
    private final MenuVersions versions;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final KnownLocations locations;
    private final Clock clock;

    Unavailability(UnavailableTargets unavailable, Menus menus, MenuVersions versions, Outbox outbox,
            ApplicationEventPublisher events, KnownLocations locations, Clock clock) {
        this.unavailable = unavailable;
        this.menus = menus;
        this.versions = versions;
        this.outbox = outbox;
        this.events = events;
        this.locations = locations;
        this.clock = clock;
    }

    @Transactional
    public void markUnavailable(CurrentUser user, UUID locationId, UUID targetId) {
        Kind kind = kindOf(user, locationId, targetId);
        Instant now = clock.instant();
        if (unavailable.add(locationId, user.requireTenant(), new Unavailable(targetId, kind, now, user.subject()))) {
            announce(user, locationId, targetId, kind, false, now);
        }
    }

    @Transactional
    public void markAvailable(CurrentUser user, UUID locationId, UUID targetId) {
        Kind kind = kindOf(user, locationId, targetId);
        if (unavailable.remove(locationId, targetId)) {
            announce(user, locationId, targetId, kind, true, clock.instant());
        }
    }

    @Transactional(readOnly = true)
    public List<Unavailable> list(CurrentUser user, UUID locationId) {
        requireStaffAt(user, locationId);
        return unavailable.at(locationId);
    }

    private void announce(CurrentUser user, UUID locationId, UUID targetId, Kind kind, boolean available, Instant now) {
        outbox.add(new AvailabilityChanged(user.requireTenant(), locationId, targetId,
                AvailabilityChanged.Kind.valueOf(kind.name()), available, now),
                user.requireTenant(), locationId.toString());
        events.publishEvent(new AvailabilityChangedAt(locationId, targetId, available));
    }

    /** Whether the id is an item or an option of the menu the location serves now; 404 if neither. */
    private Kind kindOf(CurrentUser user, UUID locationId, UUID targetId) {
        requireStaffAt(user, locationId);
        MenuSnapshot live = menus.menuServedAt(locationId)
                .flatMap(menus::find)
                .filter(menu -> menu.publishedVersion() != null)
                .flatMap(menu -> versions.find(menu.id(), menu.publishedVersion()))
                .orElseThrow(() -> new NotFoundException("No menu is published for this location"));
        MenuIndex index = MenuIndex.of(live);
        if (index.item(targetId).isPresent()) {
            return Kind.ITEM;
        }
        // an option of an item's group, or of a group nested under one of its options
        boolean option = live.categories().stream().flatMap(category -> category.items().stream())
                .flatMap(item -> item.modifierGroups().stream())
                .flatMap(group -> Stream.concat(Stream.of(group),
                        group.options().stream().flatMap(nested -> nested.modifierGroups().stream())))
                .flatMap(group -> group.options().stream())
                .anyMatch(candidate -> candidate.id().equals(targetId));
        if (option) {
            return Kind.OPTION;
        }
        throw new NotFoundException("No item or option " + targetId + " on this location's menu");
    }

    /** Staff who may act at that location of their tenant; another tenant's location is not found. */
    private void requireStaffAt(CurrentUser user, UUID locationId) {
        MenuAccess.requireStaff(user);
        if (!user.mayAccessLocation(locationId) || !locations.allKnown(Set.of(locationId))) {
            throw new NotFoundException("No such location");
        }
    }
}
