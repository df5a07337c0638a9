package io.urop.menu.draftparts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.urop.menu.MenuServiceTest;
import io.urop.menu.TestMenus;
import io.urop.menu.editing.MenuDraft;
import io.urop.menu.model.Category;
import io.urop.menu.model.Item;
import io.urop.menu.model.LocalizedText;
import io.urop.menu.model.ModifierGroup;
import io.urop.menu.model.ModifierOption;
import io.urop.contracts.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Editing one part of a draft: reordering, replacing or deleting a category or an item. */
class DraftPartsTest extends MenuServiceTest {

    static final UUID DESSERTS = UUID.fromString("00000000-0000-7000-8000-0000000000d1");
    static final UUID TART = UUID.fromString("00000000-0000-7000-8000-0000000000d2");

    UUID menu;

    @BeforeEach
    void aDraftWithMainsAndDesserts() {
        MenuDraft bistro = TestMenus.bistro("Classic burger");
        Item soup = bistro.categories().get(0).items().get(1);
        Item tart = renamed(withId(soup, TART), "Lemon tart");
        List<Category> categories = new ArrayList<>(bistro.categories());
        categories.add(new Category(DESSERTS, new LocalizedText("Desserts", Map.of()), null, Set.of(), List.of(tart),
                "pastry"));
        menu = menuWith(owner, location, new MenuDraft("EUR", "en", List.of(), categories));
    }

    @Test
    void categoriesAndTheItemsOfOneAreReordered() {
        edit(HttpMethod.PUT, "/category-order", Map.of("categoryIds", List.of(DESSERTS, TestMenus.MAINS)), "\"1\"")
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.categories[0].name.text").isEqualTo("Desserts");
        edit(HttpMethod.PUT, "/categories/" + TestMenus.MAINS + "/item-order",
                Map.of("itemIds", List.of(TestMenus.SOUP, TestMenus.BURGER)), "\"2\"")
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"3\"");

        assertThat(draft().categories()).extracting(Category::id).containsExactly(DESSERTS, TestMenus.MAINS);
        assertThat(draft().categories().get(1).items()).extracting(Item::id)
                .containsExactly(TestMenus.SOUP, TestMenus.BURGER);
        assertThat(draft().categories().get(0).station()).as("a category's station stays").isEqualTo("pastry");
    }

    @Test
    void anOrderThatDoesNotNameEachPartOnceIsRefusedAndChangesNothing() {
        for (List<UUID> order : List.of(List.of(DESSERTS), List.of(DESSERTS, DESSERTS),
                List.of(DESSERTS, TestMenus.MAINS, UUID.randomUUID()), List.of(DESSERTS, TestMenus.SOUP))) {
            edit(HttpMethod.PUT, "/category-order", Map.of("categoryIds", order), null).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("categoryIds");
        }
        edit(HttpMethod.PUT, "/category-order", Map.of(), null).expectStatus().isBadRequest();
        edit(HttpMethod.PUT, "/categories/" + TestMenus.MAINS + "/item-order",
                Map.of("itemIds", List.of(TestMenus.SOUP, TART)), null).expectStatus().isBadRequest();
        edit(HttpMethod.PUT, "/categories/" + UUID.randomUUID() + "/item-order",
                Map.of("itemIds", List.of()), null).expectStatus().isNotFound();

        assertUnchanged();
    }

    @Test
    void anItemsPreparationTimeAndTheStationsOfItsOptionsAreEditedAndPublished() {
        Item burger = forTheKitchen(TestMenus.bistro("Classic burger").categories().get(0).items().get(0), 18, "fryer");
        String option = "$.categories[0].items[0].modifierGroups[0].options[0].station";

        edit(HttpMethod.PUT, "/items/" + TestMenus.BURGER, burger, "\"1\"").expectStatus().isOk()
                .expectBody().jsonPath("$.categories[0].items[0].prepMinutes").isEqualTo(18)
                .jsonPath(option).isEqualTo("fryer");
        call(owner, http.get().uri("/api/v1/menus/{m}/draft", menu)).expectStatus().isOk()
                .expectBody().jsonPath("$.categories[0].items[0].prepMinutes").isEqualTo(18)
                .jsonPath(option).isEqualTo("fryer")
                .jsonPath("$.categories[0].items[0].modifierGroups[0].options[1].station")
                .isEqualTo(TestMenus.SALAD_STATION);
        publish(owner, menu).expectStatus().isCreated();

        call(owner, http.get().uri("/api/v1/menus/{m}/versions/1", menu)).expectStatus().isOk()
                .expectBody().jsonPath("$.categories[0].items[0].prepMinutes").isEqualTo(18)
                .jsonPath(option).isEqualTo("fryer");
        edit(HttpMethod.PUT, "/items/" + TestMenus.BURGER, forTheKitchen(burger, 241, " "), null).expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("categories[0].items[0].prepMinutes",
                                "categories[0].items[0].modifierGroups[0].options[0].station"));
        edit(HttpMethod.PUT, "/items/" + TestMenus.BURGER, forTheKitchen(burger, null, null), null).expectStatus().isOk()
                .expectBody().jsonPath("$.categories[0].items[0].prepMinutes").doesNotExist()
                .jsonPath(option).doesNotExist();
    }

    @Test
    void oneItemIsReplacedOrDeletedAndTheOthersStay() {
        Item burger = TestMenus.bistro("Smash burger").categories().get(0).items().get(0);

        edit(HttpMethod.PUT, "/items/" + TestMenus.BURGER, burger, "\"1\"").expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"");
        edit(HttpMethod.DELETE, "/items/" + TestMenus.SOUP, null, "\"2\"").expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"3\"");

        MenuDraft draft = draft();
        assertThat(draft.categories().get(0).items()).extracting(item -> item.name().text())
                .containsExactly("Smash burger");
        assertThat(draft.categories().get(1).items()).extracting(Item::id).containsExactly(TART);
        edit(HttpMethod.DELETE, "/items/" + TestMenus.SOUP, null, null).expectStatus().isNotFound();
        UUID gone = UUID.randomUUID();
        edit(HttpMethod.PUT, "/items/" + gone, withId(burger, gone), null).expectStatus().isNotFound();
    }

    @Test
    void oneCategoryIsReplacedOrDeleted() {
        Category desserts = draft().categories().get(1);
        Category renamed = new Category(DESSERTS, new LocalizedText("Sweets", Map.of("de", "Süßes")), null, Set.of(),
                desserts.items());

        edit(HttpMethod.PUT, "/categories/" + DESSERTS, renamed, "\"1\"").expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.categories[1].name.text").isEqualTo("Sweets");
        edit(HttpMethod.DELETE, "/categories/" + TestMenus.MAINS, null, "\"2\"").expectStatus().isOk();

        assertThat(draft().categories()).extracting(category -> category.name().text()).containsExactly("Sweets");
        edit(HttpMethod.DELETE, "/categories/" + TestMenus.MAINS, null, null).expectStatus().isNotFound();
    }

    @Test
    void aPartThatBreaksTheMenusRulesOrNamesAnotherIdIsRefusedAndChangesNothing() {
        Item burger = TestMenus.bistro("Classic burger").categories().get(0).items().get(0);
        Item free = new Item(burger.id(), burger.name(), burger.description(), -100, burger.sizes(), burger.station(),
                burger.prepMinutes(), burger.allergens(), burger.dietaryTags(), burger.calories(), burger.imageKey(),
                burger.daypartIds(), burger.preModifiersAllowed(), burger.modifierGroups());

        edit(HttpMethod.PUT, "/items/" + TestMenus.BURGER, free, null).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("categories[0].items[0].price");
        // a body naming another item than the path
        edit(HttpMethod.PUT, "/items/" + TestMenus.BURGER, withId(burger, TART), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
        edit(HttpMethod.PUT, "/categories/" + DESSERTS, new Category(DESSERTS, null, null, Set.of(), List.of()), null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[*].code").value(codes ->
                        assertThat(codes.toString()).contains("REQUIRED"));
        edit(HttpMethod.PUT, "/items/" + TestMenus.BURGER, withImage(burger, UUID.randomUUID().toString()), null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_IMAGE");

        assertUnchanged();
    }

    @Test
    void anEditBasedOnAnOlderDraftIsRefused() {
        edit(HttpMethod.DELETE, "/items/" + TestMenus.SOUP, null, "\"1\"").expectStatus().isOk();

        for (RestTestClient.ResponseSpec stale : List.of(
                edit(HttpMethod.PUT, "/category-order", Map.of("categoryIds", List.of(DESSERTS, TestMenus.MAINS)), "\"1\""),
                edit(HttpMethod.DELETE, "/categories/" + DESSERTS, null, "\"1\""),
                edit(HttpMethod.DELETE, "/items/" + TART, null, "\"1\""))) {
            stale.expectStatus().isEqualTo(412).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(draft().categories()).extracting(Category::id).containsExactly(TestMenus.MAINS, DESSERTS);
        assertThat(draft().categories().get(1).items()).extracting(Item::id).containsExactly(TART);
    }

    @Test
    void onlyOwnersAndManagersOfItsLocationsEditPartsAndAnotherTenantFindsNothing() {
        String manager = staff(tenant, Role.MANAGER, location);
        String elsewhere = staff(tenant, Role.MANAGER, UUID.randomUUID());
        String waiter = staff(tenant, Role.STAFF, location);
        String stranger = owner(UUID.randomUUID());

        for (String token : List.of(elsewhere, waiter)) {
            everyEdit(token).forEach(refused -> refused.expectStatus().isForbidden());
        }
        everyEdit(stranger).forEach(refused -> refused.expectStatus().isNotFound());
        assertUnchanged();
        edit(manager, HttpMethod.DELETE, "/items/" + TestMenus.SOUP, null, null).expectStatus().isOk();
    }

    private List<RestTestClient.ResponseSpec> everyEdit(String token) {
        Item burger = TestMenus.bistro("Hijacked").categories().get(0).items().get(0);
        Category mains = TestMenus.bistro("Hijacked").categories().get(0);
        return List.of(
                edit(token, HttpMethod.PUT, "/category-order", Map.of("categoryIds", List.of(DESSERTS, TestMenus.MAINS)), null),
                edit(token, HttpMethod.PUT, "/categories/" + TestMenus.MAINS + "/item-order",
                        Map.of("itemIds", List.of(TestMenus.SOUP, TestMenus.BURGER)), null),
                edit(token, HttpMethod.PUT, "/categories/" + TestMenus.MAINS, mains, null),
                edit(token, HttpMethod.DELETE, "/categories/" + DESSERTS, null, null),
                edit(token, HttpMethod.PUT, "/items/" + TestMenus.BURGER, burger, null),
                edit(token, HttpMethod.DELETE, "/items/" + TART, null, null));
    }

    private void assertUnchanged() {
        call(owner, http.get().uri("/api/v1/menus/{m}/draft", menu)).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.categories[0].id").isEqualTo(TestMenus.MAINS.toString())
                .jsonPath("$.categories[0].items[0].name.text").isEqualTo("Classic burger")
                .jsonPath("$.categories[1].items[0].id").isEqualTo(TART.toString());
    }

    private MenuDraft draft() {
        return call(owner, http.get().uri("/api/v1/menus/{m}/draft", menu)).expectStatus().isOk()
                .expectBody(MenuDraft.class).returnResult().getResponseBody();
    }

    private RestTestClient.ResponseSpec edit(HttpMethod method, String part, Object body, String ifMatch) {
        return edit(owner, method, part, body, ifMatch);
    }

    private RestTestClient.ResponseSpec edit(String token, HttpMethod method, String part, Object body, String ifMatch) {
        RestTestClient.RequestBodySpec request = http.method(method).uri("/api/v1/menus/" + menu + "/draft" + part);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return call(token, request);
    }

    private static Item withId(Item item, UUID id) {
        return new Item(id, item.name(), item.description(), item.price(), item.sizes(), item.station(),
                item.prepMinutes(), item.allergens(), item.dietaryTags(), item.calories(), item.imageKey(),
                item.daypartIds(), item.preModifiersAllowed(), item.modifierGroups());
    }

    private static Item renamed(Item item, String name) {
        return new Item(item.id(), new LocalizedText(name, Map.of()), item.description(), item.price(), item.sizes(),
                item.station(), item.prepMinutes(), item.allergens(), item.dietaryTags(), item.calories(), item.imageKey(),
                item.daypartIds(), item.preModifiersAllowed(), item.modifierGroups());
    }

    private static Item withImage(Item item, String imageKey) {
        return new Item(item.id(), item.name(), item.description(), item.price(), item.sizes(), item.station(),
                item.prepMinutes(), item.allergens(), item.dietaryTags(), item.calories(), imageKey, item.daypartIds(),
                item.preModifiersAllowed(), item.modifierGroups());
    }

    /** The item taking {@code prepMinutes}, its first option of its first group also made at {@code station}. */
    private static Item forTheKitchen(Item item, Integer prepMinutes, String station) {
        ModifierGroup group = item.modifierGroups().get(0);
        List<ModifierOption> options = new ArrayList<>(group.options());
        ModifierOption first = options.get(0);
        options.set(0, new ModifierOption(first.id(), first.name(), first.priceDelta(), first.sizePriceDeltas(),
                first.isDefault(), first.maxQuantity(), first.preModifiers(), station, first.modifierGroups()));
        ModifierGroup changed = new ModifierGroup(group.id(), group.name(), group.min(), group.max(), group.mode(),
                group.maxFree(), options);
        return new Item(item.id(), item.name(), item.description(), item.price(), item.sizes(), item.station(),
                prepMinutes, item.allergens(), item.dietaryTags(), item.calories(), item.imageKey(), item.daypartIds(),
                item.preModifiersAllowed(), List.of(changed));
    }
}
