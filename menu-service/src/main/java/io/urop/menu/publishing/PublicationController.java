package io.urop.menu.publishing;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.urop.menu.model.MenuSnapshot;
import io.urop.security.CurrentUser;
import io.urop.web.Paged;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A menu's published versions: publishing the draft, reading a version, restoring an earlier one. */
@RestController
@RequestMapping("/api/v1/menus/{menuId}/versions")
class PublicationController {

    private final Publishing publishing;

    PublicationController(Publishing publishing) {
        this.publishing = publishing;
    }

    /** Publishes the draft as the next version; diners see it at once. */
    @PostMapping
    ResponseEntity<MenuSnapshot> publish(@PathVariable UUID menuId) {
        return created(publishing.publish(CurrentUser.require(), menuId));
    }

    @GetMapping
    Paged<MenuVersions.VersionSummary> list(@PathVariable UUID menuId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Paged.DEFAULT_SIZE) @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return publishing.list(CurrentUser.require(), menuId, page, size);
    }

    @GetMapping("/{version}")
    MenuSnapshot get(@PathVariable UUID menuId, @PathVariable int version) {
        return publishing.version(CurrentUser.require(), menuId, version);
    }

    /** Publishes that version's content again, as the next version, and makes it the draft (a rollback). */
    @PostMapping("/{version}/restoration")
    ResponseEntity<MenuSnapshot> restore(@PathVariable UUID menuId, @PathVariable int version) {
        return created(publishing.restore(CurrentUser.require(), menuId, version));
    }

    /** What changed from this version to {@code to} (a version number), or to the draft without {@code to}. */
    @GetMapping("/{version}/changes")
    List<MenuDiff.Change> changes(@PathVariable UUID menuId, @PathVariable int version,
            @RequestParam(required = false) Integer to) {
        return publishing.diff(CurrentUser.require(), menuId, version, to);
    }

    private static ResponseEntity<MenuSnapshot> created(MenuSnapshot snapshot) {
        return ResponseEntity.created(URI.create("/api/v1/menus/" + snapshot.menuId() + "/versions/"
                + snapshot.version())).body(snapshot);
    }
}
