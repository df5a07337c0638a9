package io.urop.menu.model;

/**
 * The 14 allergens that EU Regulation 1169/2011 (Annex II) requires a restaurant to declare.
 * {@code NUTS} are tree nuts; peanuts are their own allergen.
 */
public enum Allergen {
    CEREALS_CONTAINING_GLUTEN,
    CRUSTACEANS,
    EGGS,
    FISH,
    PEANUTS,
    SOYBEANS,
    MILK,
    NUTS,
    CELERY,
    MUSTARD,
    SESAME,
    SULPHITES,
    LUPIN,
    MOLLUSCS
}
