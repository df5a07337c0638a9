package io.urop.menu.publishing;

import java.util.UUID;

import io.urop.events.menu.MenuPublished;
import io.urop.menu.model.MenuSnapshot;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A published version's snapshot for order-service alone (its client-credentials token), where {@code menu.published}
 * names a version too large to carry.
 */
@RestController
@PreAuthorize("hasRole('SERVICE') and authentication.name == 'order-service'")
class SnapshotController {

    private final Publishing publishing;

    SnapshotController(Publishing publishing) {
        this.publishing = publishing;
    }

    @GetMapping(MenuPublished.SNAPSHOT_PATH)
    MenuSnapshot snapshot(@PathVariable UUID tenantId, @PathVariable UUID menuId, @PathVariable int version) {
        return publishing.publishedVersion(tenantId, menuId, version);
    }
}
