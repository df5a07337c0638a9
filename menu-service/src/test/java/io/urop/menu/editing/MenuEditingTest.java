package io.urop.menu.editing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.menu.MenuServiceTest;
import io.urop.menu.TestMenus;
import io.urop.contracts.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class MenuEditingTest extends MenuServiceTest {


    @Test
    void aWholeMenuGoesInAsJsonAndComesBackOutTheSame() {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));

        MenuDraft exported = call(owner, http.get().uri("/api/v1/menus/{m}/draft", menu)).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(MenuDraft.class).returnResult().getResponseBody();

        assertThat(exported).isEqualTo(TestMenus.bistro("Classic burger"));
        assertThat(exported.categories().get(0).items().get(0).prepMinutes()).isEqualTo(TestMenus.BURGER_PREP_MINUTES);
        call(owner, http.get().uri("/api/v1/menus/{m}", menu)).expectStatus().isOk()
                .expectBody().jsonPath("$.locationIds[0]").isEqualTo(location.toString())
                .jsonPath("$.publishedVersion").doesNotExist();
    }

    @Test
    void aMenuThatBreaksTheRulesIsRefusedWithEveryBrokenRuleAndChangesNothing() {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));
        String broken = JsonPath.parse(json(TestMenus.bistro("Classic burger")))
                .set("$.categories[0].items[0].price", -5)
                .set("$.categories[0].items[0].modifierGroups[0].max", 0)
                .set("$.currency", "EURO").jsonString();

        String problem = saveDraft(owner, menu, broken, null).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .returnResult(String.class).getResponseBody();

        assertThat((List<String>) JsonPath.read(problem, "$.errors[*].field")).contains("currency",
                "categories[0].items[0].price", "categories[0].items[0].modifierGroups[0].max");
        call(owner, http.get().uri("/api/v1/menus/{m}/draft", menu)).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.categories[0].items[0].price").isEqualTo(1450);
    }

    @Test
    void aMenuInMoreLanguagesThanAMenuSpeaksIsRefusedNamingTheLimitAndChangesNothing() {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));
        Map<String, String> thirteen = new TreeMap<>();
        for (String language : List.of("fr", "de", "es", "it", "nl", "pt", "pl", "cs", "sv", "da", "fi", "ja")) {
            thirteen.put(language, "Burger (" + language + ")");
        }
        String babel = JsonPath.parse(json(TestMenus.bistro("Classic burger")))
                .set("$.categories[0].items[0].name.translations", thirteen).jsonString();

        saveDraft(owner, menu, babel, null).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://urop.io/problems/menu-too-large")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("at most 12 languages"))
                .jsonPath("$.errors[0].code").isEqualTo("LIMIT_EXCEEDED");
        call(owner, http.get().uri("/api/v1/menus/{m}/draft", menu)).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"");
    }

    @Test
    void aMenuOfMoreThanAMegabyteIsRefusedNamingTheLimit() {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));

        saveDraft(owner, menu, TestMenus.bistroWithSoups(600), null).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("at most 1024 KB"));
    }

    @Test
    void anImportedMenuMayLeaveOutTheFlagsAndCountsThatAreFalseOrZero() {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));
        String terse = JsonPath.parse(json(TestMenus.bistro("Terse burger")))
                .delete("$..isDefault").delete("$..maxFree").jsonString();

        saveDraft(owner, menu, terse, null).expectStatus().isOk()
                .expectBody().jsonPath("$.categories[0].items[0].modifierGroups[0].options[0].isDefault").isEqualTo(false)
                .jsonPath("$.categories[0].items[0].modifierGroups[0].maxFree").isEqualTo(0);
    }

    @Test
    void aSaveBasedOnAnOlderDraftIsRefused() {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));
        saveDraft(owner, menu, TestMenus.bistro("Smash burger"), "\"1\"").expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"");

        saveDraft(owner, menu, TestMenus.bistro("Veggie burger"), "\"1\"").expectStatus().isEqualTo(412);

        call(owner, http.get().uri("/api/v1/menus/{m}/draft", menu)).expectStatus().isOk()
                .expectBody().jsonPath("$.categories[0].items[0].name.text").isEqualTo("Smash burger");
    }

    @Test
    void managersEditTheMenusOfTheirLocationsAndStaffOnlyRead() {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));
        String manager = staff(tenant, Role.MANAGER, location);
        String elsewhere = staff(tenant, Role.MANAGER, UUID.randomUUID());
        String waiter = staff(tenant, Role.STAFF, location);

        saveDraft(manager, menu, TestMenus.bistro("Manager's burger"), null).expectStatus().isOk();
        saveDraft(elsewhere, menu, TestMenus.bistro("Hijacked"), null).expectStatus().isForbidden();
        saveDraft(waiter, menu, TestMenus.bistro("Hijacked"), null).expectStatus().isForbidden();
        publish(waiter, menu).expectStatus().isForbidden();
        call(waiter, http.get().uri("/api/v1/menus/{m}/draft", menu)).expectStatus().isOk()
                .expectBody().jsonPath("$.categories[0].items[0].name.text").isEqualTo("Manager's burger");
        call(elsewhere, http.post().uri("/api/v1/menus").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Brunch", "currency", "EUR", "locationIds", Set.of(location))))
                .expectStatus().isForbidden();
    }

    @Test
    void anotherTenantFindsNoneOfThisTenantsMenus() {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));
        String stranger = owner(UUID.randomUUID());

        call(stranger, http.get().uri("/api/v1/menus/{m}", menu)).expectStatus().isNotFound();
        call(stranger, http.get().uri("/api/v1/menus/{m}/draft", menu)).expectStatus().isNotFound();
        saveDraft(stranger, menu, TestMenus.bistro("Hijacked"), null).expectStatus().isNotFound();
        publish(stranger, menu).expectStatus().isNotFound();
        call(stranger, http.get().uri("/api/v1/menus/{m}/versions", menu)).expectStatus().isNotFound();
        call(stranger, http.put().uri("/api/v1/menus/{m}/locations", menu).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("locationIds", Set.of()))).expectStatus().isNotFound();
        String list = call(stranger, http.get().uri("/api/v1/menus")).expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat((Integer) JsonPath.read(list, "$.total")).isZero();
        call(owner, http.get().uri("/api/v1/menus/{m}/draft", menu)).expectStatus().isOk()
                .expectBody().jsonPath("$.categories[0].items[0].name.text").isEqualTo("Classic burger");
    }

    private static String json(Object value) {
        return JsonMapper.builder().build().writeValueAsString(value);
    }
}
