package io.urop.menu.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One published, numbered version of a tenant's menu, frozen: what {@code menu.published} carries,
 * what menu-service caches in Redis and what order-service prices from. List order is display order
 * (categories, then the items inside each). Money amounts in the whole tree are minor units of
 * {@code currency} (ISO 4217); texts are in {@code defaultLanguage} (BCP 47) with translations.
 * The record only holds data: {@link MenuValidator} decides whether it is publishable and
 * {@link MenuIndex} gives fast look-ups. Missing collections read as empty.
 */
public record MenuSnapshot(
        UUID menuId,
        UUID tenantId,
        int version,
        Instant publishedAt,
        String currency,
        String defaultLanguage,
        List<Daypart> dayparts,
        List<Category> categories) {

    public MenuSnapshot {
        dayparts = Copies.list(dayparts);
        categories = Copies.list(categories);
    }
}
