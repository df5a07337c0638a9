package io.urop.order.menu;

import io.urop.client.ServiceClient;
import io.urop.client.ServiceClients;
import io.urop.events.menu.MenuPublished;
import io.urop.menu.model.MenuSnapshot;

import org.springframework.stereotype.Component;

/**
 * The snapshot a {@code menu.published} names: carried by the event, or, for a menu too large to carry, read from
 * menu-service by its version ({@link MenuPublished#SNAPSHOT_PATH}), which never changes once published.
 */
@Component
class PublishedSnapshots {

    private final ServiceClient menus;

    PublishedSnapshots(ServiceClients clients) {
        this.menus = clients.client("menu-service");
    }

    /** @throws io.urop.client.CallFailed when menu-service cannot answer now, so that the event is retried */
    MenuSnapshot of(MenuPublished published) {
        if (published.carriesSnapshot()) {
            return published.snapshot();
        }
        return menus.get(MenuPublished.SNAPSHOT_PATH, published.tenantId(), published.menuId(), published.version())
                .fetch(MenuSnapshot.class);
    }
}
