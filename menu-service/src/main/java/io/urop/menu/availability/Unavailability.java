package io.urop.menu.availability;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.urop.events.menu.AvailabilityChanged;
import io.urop.events.order.ItemSoldOut;
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
 * location may do it; and order-service, when the last portion of an item it counts down is ordered
 * ({@code order.item-sold-out}). Either way only staff bring it back: portions order-service gets back later do not.
 */
@Service
class Unavailability {

    /** Who marks an item run out when order-service counted down its last portion, as the list shows it. */
    static final String SOLD_OUT = "countdown";

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
            announce(user.requireTenant(), locationId, targetId, kind, false, now);
        }
    }

    /**
     * order-service counted down the item's last portion at the location: it runs out there as if staff had marked it,
     * and is announced the same way. An item no longer on the location's live menu, or a location this service does
     * not know, is left as it is.
     */
    @Transactional
    public void soldOut(ItemSoldOut soldOut) {
        boolean onTheMenu = locations.allKnown(Set.of(soldOut.locationId())) && liveMenu(soldOut.locationId())
                .flatMap(live -> kindIn(live, soldOut.itemId())).filter(kind -> kind == Kind.ITEM).isPresent();
        if (!onTheMenu) {
            return;
        }
        if (unavailable.add(soldOut.locationId(), soldOut.tenantId(),
                new Unavailable(soldOut.itemId(), Kind.ITEM, soldOut.at(), SOLD_OUT))) {
            announce(soldOut.tenantId(), soldOut.locationId(), soldOut.itemId(), Kind.ITEM, false, clock.instant());
        }
    }

    @Transactional
    public void markAvailable(CurrentUser user, UUID locationId, UUID targetId) {
        Kind kind = kindOf(user, locationId, targetId);
        if (unavailable.remove(locationId, targetId)) {
            announce(user.requireTenant(), locationId, targetId, kind, true, clock.instant());
        }
    }

    @Transactional(readOnly = true)
    public List<Unavailable> list(CurrentUser user, UUID locationId) {
        requireStaffAt(user, locationId);
        return unavailable.at(locationId);
    }

    private void announce(UUID tenantId, UUID locationId, UUID targetId, Kind kind, boolean available, Instant now) {
        outbox.add(new AvailabilityChanged(tenantId, locationId, targetId,
                AvailabilityChanged.Kind.valueOf(kind.name()), available, now),
                tenantId, locationId.toString());
        events.publishEvent(new AvailabilityChangedAt(locationId, targetId, available));
    }

    /** Whether the id is an item or an option of the menu the location serves now; 404 if neither. */
    private Kind kindOf(CurrentUser user, UUID locationId, UUID targetId) {
        requireStaffAt(user, locationId);
        MenuSnapshot live = liveMenu(locationId)
                .orElseThrow(() -> new NotFoundException("No menu is published for this location"));
        return kindIn(live, targetId)
                .orElseThrow(() -> new NotFoundException("No item or option " + targetId + " on this location's menu"));
    }

    private Optional<MenuSnapshot> liveMenu(UUID locationId) {
        return menus.menuServedAt(locationId)
                .flatMap(menus::find)
                .filter(menu -> menu.publishedVersion() != null)
                .flatMap(menu -> versions.find(menu.id(), menu.publishedVersion()));
    }

    /** Whether the id is an item or an option of the menu; empty if neither. */
    private static Optional<Kind> kindIn(MenuSnapshot live, UUID targetId) {
        if (MenuIndex.of(live).item(targetId).isPresent()) {
            return Optional.of(Kind.ITEM);
        }
        // an option of an item's group, or of a group nested under one of its options
        boolean option = live.categories().stream().flatMap(category -> category.items().stream())
                .flatMap(item -> item.modifierGroups().stream())
                .flatMap(group -> Stream.concat(Stream.of(group),
                        group.options().stream().flatMap(nested -> nested.modifierGroups().stream())))
                .flatMap(group -> group.options().stream())
                .anyMatch(candidate -> candidate.id().equals(targetId));
        return option ? Optional.of(Kind.OPTION) : Optional.empty();
    }

    /** Staff who may act at that location of their tenant; another tenant's location is not found. */
    private void requireStaffAt(CurrentUser user, UUID locationId) {
        MenuAccess.requireStaff(user);
        if (!user.mayAccessLocation(locationId) || !locations.allKnown(Set.of(locationId))) {
            throw new NotFoundException("No such location");
        }
    }
}
