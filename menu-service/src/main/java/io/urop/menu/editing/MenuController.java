package io.urop.menu.editing;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.urop.security.CurrentUser;
import io.urop.web.IfMatch;
import io.urop.web.Paged;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's menus (the tenant is the token's) and their drafts. The draft is read and replaced as one
 * JSON document, which is also the import and export format; its ETag is its revision.
 */
@RestController
@RequestMapping("/api/v1/menus")
class MenuController {

    private final MenuEditing editing;

    MenuController(MenuEditing editing) {
        this.editing = editing;
    }

    @PostMapping
    ResponseEntity<Menu> create(@Valid @RequestBody MenuRequests.NewMenu request) {
        Menu menu = editing.create(CurrentUser.require(), request);
        return ResponseEntity.created(URI.create("/api/v1/menus/" + menu.id())).body(menu);
    }

    @GetMapping
    Paged<Menu> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Paged.DEFAULT_SIZE) @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return editing.list(CurrentUser.require(), page, size);
    }

    @GetMapping("/{menuId}")
    Menu get(@PathVariable UUID menuId) {
        return editing.get(CurrentUser.require(), menuId);
    }

    @PatchMapping("/{menuId}")
    Menu rename(@PathVariable UUID menuId, @Valid @RequestBody MenuRequests.Rename request) {
        return editing.rename(CurrentUser.require(), menuId, request.name());
    }

    /** Where the menu is served: exactly these locations of the tenant, from now on. */
    @PutMapping("/{menuId}/locations")
    Menu serveAt(@PathVariable UUID menuId, @Valid @RequestBody MenuRequests.Locations request) {
        return editing.serveAt(CurrentUser.require(), menuId, request.locationIds());
    }

    /** The whole draft: the export format. */
    @GetMapping("/{menuId}/draft")
    ResponseEntity<MenuDraft> draft(@PathVariable UUID menuId) {
        return withETag(editing.draft(CurrentUser.require(), menuId));
    }

    /** Replaces the whole draft (an import, or a save from the editor); with If-Match only if unchanged (else 412). */
    @PutMapping("/{menuId}/draft")
    ResponseEntity<MenuDraft> saveDraft(@PathVariable UUID menuId, @RequestBody MenuDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return withETag(editing.saveDraft(CurrentUser.require(), menuId, draft, IfMatch.version(ifMatch)));
    }

    private static ResponseEntity<MenuDraft> withETag(MenuEditing.Drafted drafted) {
        return ResponseEntity.ok().eTag("\"" + drafted.revision() + "\"").body(drafted.draft());
    }
}
