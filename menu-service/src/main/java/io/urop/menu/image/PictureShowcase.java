package io.urop.menu.image;

/**
 * What shows the tenant's pictures (its drafts, its live versions): a picture is deleted only while none shows it.
 * Asked while the picture is locked, so no save naming it can commit meanwhile; asked in their {@code @Order}.
 */
public interface PictureShowcase {

    boolean shows(String imageKey);

    /** How the answer that refuses a deletion names it: "a draft". */
    String name();
}
