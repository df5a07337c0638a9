package io.urop.events.menu;

import java.util.List;
import java.util.UUID;

import io.urop.events.IntegrationEvent;
import io.urop.menu.model.MenuSnapshot;

/**
 * A menu was published: the full, frozen snapshot of its new version and the locations that serve it
 * from now on. order-service keeps its own copy and prices orders from it. A consumer keeps the highest
 * {@code snapshot.version()} of each menu. Produced by menu-service.
 */
@IntegrationEvent(type = "menu.published", version = 1)
public record MenuPublished(UUID menuId, UUID tenantId, List<UUID> locationIds, MenuSnapshot snapshot) {
}
