package io.urop.menu.draftparts;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.urop.menu.editing.MenuDraft;
import io.urop.menu.editing.MenuEditing;
import io.urop.menu.model.Category;
import io.urop.menu.model.Item;
import io.urop.security.CurrentUser;
import io.urop.web.IfMatch;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changes to one part of a draft, so that two editors working on different parts do not collide as often as with
 * whole-draft saves. Each answers the whole draft and its new ETag, honours If-Match (412 when stale) and is
 * refused (400, nothing changed) if the draft it makes breaks a rule of the menu.
 */
@RestController
@RequestMapping("/api/v1/menus/{menuId}/draft")
class DraftPartsController {

    private final MenuEditing editing;

    DraftPartsController(MenuEditing editing) {
        this.editing = editing;
    }

    @PutMapping("/category-order")
    ResponseEntity<MenuDraft> reorderCategories(@PathVariable UUID menuId, @Valid @RequestBody CategoryOrder order,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return edit(menuId, ifMatch, draft -> DraftParts.reorderCategories(draft, order.categoryIds()));
    }

    @PutMapping("/categories/{categoryId}/item-order")
    ResponseEntity<MenuDraft> reorderItems(@PathVariable UUID menuId, @PathVariable UUID categoryId,
            @Valid @RequestBody ItemOrder order, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return edit(menuId, ifMatch, draft -> DraftParts.reorderItems(draft, categoryId, order.itemIds()));
    }

    /** The category as a whole, its items included. */
    @PutMapping("/categories/{categoryId}")
    ResponseEntity<MenuDraft> replaceCategory(@PathVariable UUID menuId, @PathVariable UUID categoryId,
            @RequestBody Category category, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return edit(menuId, ifMatch, draft -> DraftParts.replaceCategory(draft, categoryId, category));
    }

    @DeleteMapping("/categories/{categoryId}")
    ResponseEntity<MenuDraft> deleteCategory(@PathVariable UUID menuId, @PathVariable UUID categoryId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return edit(menuId, ifMatch, draft -> DraftParts.deleteCategory(draft, categoryId));
    }

    @PutMapping("/items/{itemId}")
    ResponseEntity<MenuDraft> replaceItem(@PathVariable UUID menuId, @PathVariable UUID itemId,
            @RequestBody Item item, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return edit(menuId, ifMatch, draft -> DraftParts.replaceItem(draft, itemId, item));
    }

    @DeleteMapping("/items/{itemId}")
    ResponseEntity<MenuDraft> deleteItem(@PathVariable UUID menuId, @PathVariable UUID itemId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return edit(menuId, ifMatch, draft -> DraftParts.deleteItem(draft, itemId));
    }

    private ResponseEntity<MenuDraft> edit(UUID menuId, String ifMatch, UnaryOperator<MenuDraft> change) {
        MenuEditing.Drafted drafted = editing.editDraft(CurrentUser.require(), menuId, IfMatch.version(ifMatch), change);
        return ResponseEntity.ok().eTag("\"" + drafted.revision() + "\"").body(drafted.draft());
    }

    /** Every category of the draft, each once, in the new order. */
    record CategoryOrder(@NotNull List<@NotNull UUID> categoryIds) {
    }

    /** Every item of the category, each once, in the new order. */
    record ItemOrder(@NotNull List<@NotNull UUID> itemIds) {
    }
}
