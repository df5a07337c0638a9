package io.urop.menu.publishing;

import io.urop.menu.image.PictureShowcase;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The versions diners see now: a picture one of them shows is not deleted (earlier versions do not count). */
@Component
@Order(2)
class LivePictures implements PictureShowcase {

    private final MenuVersions versions;

    LivePictures(MenuVersions versions) {
        this.versions = versions;
    }

    @Override
    public boolean shows(String imageKey) {
        return versions.anyLiveShows(imageKey);
    }

    @Override
    public String name() {
        return "a published menu";
    }
}
