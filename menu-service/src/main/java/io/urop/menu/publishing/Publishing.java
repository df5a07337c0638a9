package io.urop.menu.publishing;

import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.urop.events.menu.MenuPublished;
import io.urop.menu.access.MenuAccess;
import io.urop.menu.editing.Menu;
import io.urop.menu.editing.MenuDraft;
import io.urop.menu.editing.MenuRejected;
import io.urop.menu.editing.Menus;
import io.urop.menu.image.Pictures;
import io.urop.menu.model.MenuSnapshot;
import io.urop.menu.model.MenuValidator;
import io.urop.menu.model.Violation;
import io.urop.messaging.outbox.Outbox;
import io.urop.security.CurrentUser;
import io.urop.tenancy.TenantContext;
import io.urop.web.NotFoundException;
import io.urop.web.Paged;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishing freezes the draft into the next numbered version, which diners see at once: in one transaction
 * the version is stored and {@code menu.published} (with the snapshot, or naming it when too large to carry) is
 * written to the outbox; the cached
 * public menus of its locations are dropped once that commits. Restoring an earlier version publishes its
 * content again, as a new version, and makes it the draft.
 */
@Service
public class Publishing {

    private final Menus menus;
    private final MenuVersions versions;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Pictures pictures;
    private final JsonMapper json;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    Publishing(Menus menus, MenuVersions versions, Outbox outbox, ApplicationEventPublisher events, Pictures pictures,
            JsonMapper json, PlatformTransactionManager transactions, Clock clock) {
        this.menus = menus;
        this.versions = versions;
        this.outbox = outbox;
        this.events = events;
        this.pictures = pictures;
        this.json = json;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    @Transactional
    public MenuSnapshot publish(CurrentUser user, UUID menuId) {
        Menu menu = lockForEditor(user, menuId);
        return publish(user, menu, menus.draft(menuId));
    }

    @Transactional
    public MenuSnapshot restore(CurrentUser user, UUID menuId, int version) {
        Menu menu = lockForEditor(user, menuId);
        MenuDraft restored = MenuDraft.of(versions.find(menuId, version)
                .orElseThrow(() -> new NotFoundException("No such version")));
        // an earlier version may show a picture deleted since (only pictures no live version shows are)
        List<String> deletedPictures = pictures.unknownIn(restored.categories());
        if (!deletedPictures.isEmpty()) {
            throw new MenuRejected(List.of(), deletedPictures);
        }
        menus.saveDraft(menuId, restored, menu.draftRevision(), clock.instant());
        return publish(user, menu, restored);
    }

    @Transactional(readOnly = true)
    public Paged<MenuVersions.VersionSummary> list(CurrentUser user, UUID menuId, int page, int size) {
        MenuAccess.requireStaff(user);
        menus.find(menuId).orElseThrow(Publishing::noSuchMenu);
        return new Paged<>(versions.list(menuId, (long) page * size, size), page, size, versions.count(menuId));
    }

    @Transactional(readOnly = true)
    public MenuSnapshot version(CurrentUser user, UUID menuId, int version) {
        MenuAccess.requireStaff(user);
        return versions.find(menuId, version).orElseThrow(() -> new NotFoundException("No such version"));
    }

    /** A version for the fleet's services, which read it when {@code menu.published} names it without carrying it. */
    public MenuSnapshot publishedVersion(UUID tenantId, UUID menuId, int version) {
        return TenantContext.callAs(tenantId, () -> readOnly.execute(status -> versions.find(menuId, version)))
                .orElseThrow(() -> new NotFoundException("No such version"));
    }

    /** What changed from version {@code from} to version {@code to}, or to the draft when {@code to} is null. */
    @Transactional(readOnly = true)
    public List<MenuDiff.Change> diff(CurrentUser user, UUID menuId, int from, Integer to) {
        MenuAccess.requireStaff(user);
        Menu menu = menus.find(menuId).orElseThrow(Publishing::noSuchMenu);
        MenuSnapshot newer = to == null
                ? menus.draft(menuId).toSnapshot(menuId, menu.tenantId(), 0, clock.instant())
                : versions.find(menuId, to).orElseThrow(() -> new NotFoundException("No such version"));
        return MenuDiff.between(versions.find(menuId, from).orElseThrow(() -> new NotFoundException("No such version")),
                newer);
    }

    private MenuSnapshot publish(CurrentUser user, Menu menu, MenuDraft draft) {
        Instant now = clock.instant();
        MenuSnapshot snapshot = draft.toSnapshot(menu.id(), menu.tenantId(), versions.latest(menu.id()) + 1, now);
        List<Violation> violations = MenuValidator.validate(snapshot);
        if (!violations.isEmpty()) {
            throw new MenuRejected(violations);
        }
        versions.insert(snapshot, user.subject());
        menus.markPublished(menu.id(), snapshot.version(), now);
        boolean inline = json.writeValueAsBytes(snapshot).length <= MenuPublished.MAX_INLINE_SNAPSHOT_BYTES;
        outbox.add(new MenuPublished(menu.id(), menu.tenantId(), List.copyOf(menu.locationIds()), snapshot.version(),
                inline ? snapshot : null), menu.tenantId(), menu.id().toString());
        events.publishEvent(new VersionPublished(menu.id(), snapshot.version(), menu.locationIds()));
        return snapshot;
    }

    private Menu lockForEditor(CurrentUser user, UUID menuId) {
        Menu menu = menus.findForUpdate(menuId).orElseThrow(Publishing::noSuchMenu);
        MenuAccess.requireEditor(user, menu.locationIds());
        return menu;
    }

    private static NotFoundException noSuchMenu() {
        return new NotFoundException("No such menu");
    }
}
