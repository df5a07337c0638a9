package io.urop.events.menu;

import java.util.List;
import java.util.UUID;

import io.urop.events.IntegrationEvent;
import io.urop.menu.model.MenuSnapshot;

/**
 * A menu was published: its new version and the locations that serve it from now on. order-service keeps its own
 * copy and prices orders from it. A consumer keeps the highest {@code version} of each menu. Produced by menu-service.
 *
 * <p>The frozen snapshot travels in the event when its JSON is at most {@link #MAX_INLINE_SNAPSHOT_BYTES}, which
 * every ordinary menu is. A larger one (up to the megabyte a menu may take) would not fit a Kafka record beside the
 * rest: {@code snapshot} is then null, and the consumer fetches that version from menu-service at
 * {@link #SNAPSHOT_PATH} (with its client-credentials token). Version 1 always carried the snapshot.
 *
 * @param snapshot the version's snapshot, or null when it is fetched by reference
 */
@IntegrationEvent(type = "menu.published", version = 2)
public record MenuPublished(UUID menuId, UUID tenantId, List<UUID> locationIds, int version, MenuSnapshot snapshot) {

    public static final int MAX_INLINE_SNAPSHOT_BYTES = 256 * 1024;

    /** Where a snapshot not carried by the event is read, a URI template of tenant, menu and version. */
    public static final String SNAPSHOT_PATH = "/internal/v1/tenants/{tenantId}/menus/{menuId}/versions/{version}";

    public boolean carriesSnapshot() {
        return snapshot != null;
    }
}
