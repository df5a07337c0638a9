package io.urop.menu.editing;

import io.urop.menu.image.PictureShowcase;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The tenant's drafts: a picture one of them names is not deleted. */
@Component
@Order(1)
class DraftPictures implements PictureShowcase {

    private final Menus menus;

    DraftPictures(Menus menus) {
        this.menus = menus;
    }

    @Override
    public boolean shows(String imageKey) {
        return menus.anyDraftShows(imageKey);
    }

    @Override
    public String name() {
        return "a draft";
    }
}
