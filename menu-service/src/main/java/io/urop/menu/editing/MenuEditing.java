package io.urop.menu.editing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.urop.events.Uuid7;
import io.urop.menu.access.MenuAccess;
import io.urop.menu.image.Pictures;
import io.urop.menu.location.KnownLocations;
import io.urop.menu.model.MenuValidator;
import io.urop.menu.model.Violation;
import io.urop.security.CurrentUser;
import io.urop.web.NotFoundException;
import io.urop.web.Paged;
import io.urop.web.StaleVersionException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating menus, choosing where they are served, and editing their draft. A draft is saved only when it
 * keeps every rule of the menu (so it can always be published) and, with an If-Match, only if nobody saved
 * another one meanwhile.
 */
@Service
public class MenuEditing {

    /** The most JSON a menu's draft may take: far beyond a real restaurant's, and what one cache entry may hold. */
    static final int MAX_DRAFT_BYTES = 1024 * 1024;

    private final Menus menus;
    private final KnownLocations locations;
    private final ApplicationEventPublisher events;
    private final Pictures pictures;
    private final JsonMapper json;
    private final Clock clock;

    MenuEditing(Menus menus, KnownLocations locations, ApplicationEventPublisher events, Pictures pictures,
            JsonMapper json, Clock clock) {
        this.menus = menus;
        this.locations = locations;
        this.events = events;
        this.pictures = pictures;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Menu create(CurrentUser user, MenuRequests.NewMenu request) {
        Set<UUID> locations = request.locationIds() == null ? Set.of() : request.locationIds();
        MenuAccess.requireEditor(user, locations);
        requireKnown(locations);
        String language = request.defaultLanguage() == null ? "en" : request.defaultLanguage();
        MenuDraft draft = MenuDraft.empty(request.currency(), language);
        check(draft);
        Instant now = clock.instant();
        UUID id = Uuid7.next();
        menus.insert(new Menu(id, user.requireTenant(), request.name(), Set.of(), 0, null, now, now), draft);
        events.publishEvent(new MenuLocationsChanged(id, menus.serveAt(id, user.requireTenant(), locations)));
        return menus.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Paged<Menu> list(CurrentUser user, int page, int size) {
        MenuAccess.requireStaff(user);
        return new Paged<>(menus.list((long) page * size, size), page, size, menus.count());
    }

    @Transactional(readOnly = true)
    public Menu get(CurrentUser user, UUID menuId) {
        MenuAccess.requireStaff(user);
        return find(menuId);
    }

    @Transactional
    public Menu rename(CurrentUser user, UUID menuId, String name) {
        MenuAccess.requireEditor(user, menus.findForUpdate(menuId).orElseThrow(MenuEditing::notFound).locationIds());
        menus.rename(menuId, name, clock.instant());
        return find(menuId);
    }

    /** The menu is served at exactly these locations; a location that served another menu switches to it. */
    @Transactional
    public Menu serveAt(CurrentUser user, UUID menuId, Set<UUID> locations) {
        Menu menu = menus.findForUpdate(menuId).orElseThrow(MenuEditing::notFound);
        MenuAccess.requireEditor(user, menu.locationIds());
        MenuAccess.requireEditor(user, locations);
        requireKnown(locations);
        events.publishEvent(new MenuLocationsChanged(menuId, menus.serveAt(menuId, menu.tenantId(), locations)));
        return find(menuId);
    }

    @Transactional(readOnly = true)
    public Drafted draft(CurrentUser user, UUID menuId) {
        MenuAccess.requireStaff(user);
        Menu menu = find(menuId);
        return new Drafted(menus.draft(menuId), menu.draftRevision());
    }

    /** @param expectedRevision from If-Match; null to save whatever the draft is now */
    @Transactional
    public Drafted saveDraft(CurrentUser user, UUID menuId, MenuDraft draft, Long expectedRevision) {
        return save(lockForEditor(user, menuId, expectedRevision), draft);
    }

    /**
     * Changes a part of the draft: {@code change} turns the current draft into the next one, which is saved
     * under the same rules as a whole draft.
     *
     * @param expectedRevision from If-Match; null to change whatever the draft is now
     */
    @Transactional
    public Drafted editDraft(CurrentUser user, UUID menuId, Long expectedRevision, UnaryOperator<MenuDraft> change) {
        Menu menu = lockForEditor(user, menuId, expectedRevision);
        return save(menu, change.apply(menus.draft(menuId)));
    }

    private Menu lockForEditor(CurrentUser user, UUID menuId, Long expectedRevision) {
        Menu menu = menus.findForUpdate(menuId).orElseThrow(MenuEditing::notFound);
        MenuAccess.requireEditor(user, menu.locationIds());
        if (expectedRevision != null && expectedRevision != menu.draftRevision()) {
            throw new StaleVersionException("menu");
        }
        return menu;
    }

    private Drafted save(Menu menu, MenuDraft draft) {
        check(draft);
        requirePictures(draft);
        long revision = menus.saveDraft(menu.id(), draft, menu.draftRevision(), clock.instant())
                .orElseThrow(() -> new StaleVersionException("menu"));
        return new Drafted(draft, revision);
    }

    private void requireKnown(Set<UUID> locationIds) {
        if (!locations.allKnown(locationIds)) {
            throw new NotFoundException("No such location");
        }
    }

    private void check(MenuDraft draft) {
        int size = json.writeValueAsBytes(draft).length;
        if (size > MAX_DRAFT_BYTES) {
            throw new MenuRejected(List.of(new Violation("", Violation.Code.LIMIT_EXCEEDED, "A menu is at most "
                    + MAX_DRAFT_BYTES / 1024 + " KB of JSON, this one is " + size / 1024 + " KB")));
        }
        List<Violation> violations = MenuValidator.validate(draft.toSnapshot(new UUID(0, 0), new UUID(0, 0), 1,
                clock.instant()));
        if (!violations.isEmpty()) {
            throw new MenuRejected(violations);
        }
    }

    /** Every picture the draft names is one the tenant uploaded (and stays so until this transaction ends). */
    private void requirePictures(MenuDraft draft) {
        List<String> unknown = pictures.unknownIn(draft.categories());
        if (!unknown.isEmpty()) {
            throw new MenuRejected(List.of(), unknown);
        }
    }

    private Menu find(UUID menuId) {
        return menus.find(menuId).orElseThrow(MenuEditing::notFound);
    }

    static NotFoundException notFound() {
        return new NotFoundException("No such menu");
    }

    public record Drafted(MenuDraft draft, long revision) {
    }
}
