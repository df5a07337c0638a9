package io.urop.menu.diner;

import java.util.Set;
import java.util.UUID;

import io.urop.menu.availability.AvailabilityChangedAt;
import io.urop.menu.editing.MenuLocationsChanged;
import io.urop.menu.location.KnownLocationChanged;
import io.urop.menu.publishing.VersionPublished;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drops a location's cached public menu once a change of what its diners see commits (or at once, outside a
 * transaction): a version published, another menu served there, something run out or back, the location's time zone
 * or menu access. Not before the commit: a diner rendering the menu in between would cache the old one again, under
 * the new generation.
 */
@Component
class MenuChangesListener {

    private final PublicMenuCache cache;
    private final RecentMenus recent;

    MenuChangesListener(PublicMenuCache cache, RecentMenus recent) {
        this.cache = cache;
        this.recent = recent;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(VersionPublished published) {
        evict(published.locationIds());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(MenuLocationsChanged moved) {
        evict(moved.locationIds());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AvailabilityChangedAt changed) {
        evict(Set.of(changed.locationId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(KnownLocationChanged changed) {
        evict(Set.of(changed.locationId()));
    }

    /**
     * Redis first, then this instance's memory: a diner reading between the two would otherwise take the old menu
     * from Redis and keep it in memory (the other instances learn of it from Redis, after its change).
     */
    private void evict(Set<UUID> locations) {
        cache.evict(locations);
        recent.drop(locations);
    }
}
