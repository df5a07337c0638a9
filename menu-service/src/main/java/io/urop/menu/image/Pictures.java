package io.urop.menu.image;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.urop.menu.access.MenuAccess;
import io.urop.menu.model.Category;
import io.urop.menu.model.Item;
import io.urop.security.CurrentUser;
import io.urop.web.ConflictException;
import io.urop.web.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private final Images images;
    private final ImageStore store;
    private final List<PictureShowcase> showcases;
    private final Clock clock;

    Pictures(Images images, ImageStore store, List<PictureShowcase> showcases, Clock clock) {
        this.images = images;
        this.store = store;
        this.showcases = showcases;
        this.clock = clock;
    }

    @Transactional
    void recordUpload(CurrentUser user, UUID imageId) {
        images.insert(imageId, user.requireTenant(), clock.instant(), user.subject());
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
        images.holdUploaded(named).forEach(id -> uploaded.add(id.toString()));
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
        UUID id = id(imageKey).filter(images::lock).orElseThrow(() -> new NotFoundException("No such picture"));
        String key = id.toString();
        for (PictureShowcase showcase : showcases) {
            if (showcase.shows(key)) {
                throw new ConflictException("The picture is shown by " + showcase.name()
                        + ": take it off the menu first");
            }
        }
        images.delete(id);
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
