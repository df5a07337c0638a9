package io.urop.menu.image;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.urop.menu.editing.MenuAccess;
import io.urop.menu.model.Category;
import io.urop.menu.model.Item;
import io.urop.security.CurrentUser;
import io.urop.web.ConflictException;
import io.urop.web.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tenant's uploaded pictures: which exist (a draft may only name those), and deleting one nobody shows. A save
 * naming pictures holds them (a shared row lock) until it commits, and a delete locks its picture before looking
 * for users of it, so a picture cannot disappear under a draft being saved with it.
 */
@Service
public class Pictures {

    private static final Logger log = LoggerFactory.getLogger(Pictures.class);

    /** Whether a draft or a live version shows the picture {@code :key}. */
    private static final String NAMES_IT = "jsonb_path_exists(%s, '$.categories[*].items[*] ? (@.imageKey == $key)', "
            + "jsonb_build_object('key', cast(:key as text)))";

    private final JdbcClient jdbc;
    private final ImageStore store;
    private final Clock clock;

    Pictures(JdbcClient jdbc, ImageStore store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    void recordUpload(CurrentUser user, UUID imageId) {
        jdbc.sql("insert into images (id, tenant_id, uploaded_at, uploaded_by) values (?, ?, ?, ?)")
                .params(imageId, user.requireTenant(), Timestamp.from(clock.instant()), user.subject()).update();
    }

    /**
     * The paths ({@code categories[0].items[2].imageKey}) of the items naming a picture the tenant never uploaded
     * (or deleted); the others stay locked against deletion until the transaction ends.
     */
    public List<String> unknownIn(List<Category> categories) {
        Map<String, String> keysByPath = new LinkedHashMap<>();
        for (int c = 0; c < categories.size(); c++) {
            List<Item> items = categories.get(c).items();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).imageKey() != null) {
                    keysByPath.put("categories[" + c + "].items[" + i + "].imageKey", items.get(i).imageKey());
                }
            }
        }
        if (keysByPath.isEmpty()) {
            return List.of();
        }
        Set<UUID> named = new HashSet<>();
        keysByPath.values().forEach(key -> id(key).ifPresent(named::add));
        Set<String> uploaded = new HashSet<>();
        jdbc.sql("select id from images where id = any(?) for share").param(named.toArray(UUID[]::new))
                .query(UUID.class).list().forEach(id -> uploaded.add(id.toString()));
        List<String> unknown = new ArrayList<>();
        keysByPath.forEach((path, key) -> {
            if (!uploaded.contains(key)) {
                unknown.add(path);
            }
        });
        return unknown;
    }

    /** Deletes a picture no draft and no live version shows, with its stored widths (once the delete commits). */
    @Transactional
    void delete(CurrentUser user, String imageKey) {
        MenuAccess.requireBuilder(user);
        UUID id = id(imageKey).filter(candidate -> jdbc.sql("select id from images where id = ? for update")
                .param(candidate).query(UUID.class).optional().isPresent())
                .orElseThrow(() -> new NotFoundException("No such picture"));
        String key = id.toString();
        boolean inDraft = jdbc.sql("select exists (select 1 from menus where " + NAMES_IT.formatted("draft") + ")")
                .param("key", key).query(Boolean.class).single();
        boolean live = jdbc.sql("""
                select exists (select 1 from menus m join menu_versions v
                               on v.menu_id = m.id and v.version = m.published_version
                               where %s)""".formatted(NAMES_IT.formatted("v.snapshot")))
                .param("key", key).query(Boolean.class).single();
        if (inDraft || live) {
            throw new ConflictException("The picture is shown by " + (inDraft ? "a draft" : "a published menu")
                    + ": take it off the menu first");
        }
        jdbc.sql("delete from images where id = ?").param(id).update();
        UUID tenant = user.requireTenant();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    store.delete(tenant, key);
                }
                catch (RuntimeException e) {
                    // no menu can name it any more: what is left in the bucket is unreachable, not wrong
                    log.warn("Could not remove the stored widths of picture {} of tenant {}: {}", key, tenant,
                            e.toString());
                }
            }
        });
    }

    private static Optional<UUID> id(String imageKey) {
        try {
            UUID id = UUID.fromString(imageKey);
            return id.toString().equals(imageKey) ? Optional.of(id) : Optional.empty();
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
