package io.urop.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.urop.menu.model.Category;
import io.urop.menu.model.Item;
import io.urop.menu.model.LocalizedText;
import io.urop.menu.model.MenuSnapshot;

/** The bistro menu with a daily special from the grill, the dish a kitchen paces and counts down. */
public final class TodaysSpecial {

    public static final UUID SPECIAL = UUID.nameUUIDFromBytes("bistro-special".getBytes());

    private TodaysSpecial() {
    }

    /** The bistro menu, version {@code version}, and the special, {@code prepMinutes} a portion at the grill. */
    public static MenuSnapshot menu(UUID menuId, UUID tenantId, int version, int prepMinutes) {
        MenuSnapshot bistro = TestMenus.bistro(menuId, tenantId, version, 1200);
        Item special = new Item(SPECIAL, new LocalizedText("Daily special", Map.of()), null, 1500, List.of(), "grill",
                prepMinutes, Set.of(), Set.of(), null, null, Set.of(), false, List.of());
        List<Category> categories = new ArrayList<>(bistro.categories());
        categories.add(new Category(UUID.nameUUIDFromBytes("bistro-specials".getBytes()),
                new LocalizedText("Specials", Map.of()), null, Set.of(), List.of(special)));
        return new MenuSnapshot(menuId, tenantId, version, bistro.publishedAt(), bistro.currency(),
                bistro.defaultLanguage(), bistro.dayparts(), categories);
    }

    public static Map<String, Object> special(int quantity) {
        return Map.of("itemId", SPECIAL, "quantity", quantity);
    }
}
