package io.urop.menu.publishing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.urop.events.EventCodec;
import io.urop.events.menu.MenuPublished;
import io.urop.menu.MenuServiceTest;
import io.urop.menu.TestMenus;
import io.urop.menu.model.Item;
import io.urop.menu.model.MenuSnapshot;
import io.urop.test.TopicReader;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

class PublishingTest extends MenuServiceTest {

    @Autowired
    EventCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;


    @Test
    void dinersSeeAMenuOnlyOncePublishedAndItsSnapshotIsAnnouncedExactlyOnce() {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));
        publicMenu(location, null, null).expectStatus().isNotFound();

        publish(owner, menu).expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/v1/menus/" + menu + "/versions/1")
                .expectBody().jsonPath("$.version").isEqualTo(1);

        assertThat(itemNames(publicMenuBody(location))).containsExactly("Classic burger", "Soup of the day");
        var announced = TopicReader.await(kafka, "menu.events", r -> menu.toString().equals(r.key()), 1,
                Duration.ofSeconds(20));
        assertThat(announced).hasSize(1);
        MenuPublished event = codec.payload(codec.decode(announced.get(0).value()), MenuPublished.class);
        assertThat(event.locationIds()).containsExactly(location);
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.snapshot().version()).isEqualTo(1);
        assertThat(event.snapshot().categories()).isEqualTo(TestMenus.bistro("Classic burger").categories());
        call(owner, http.get().uri("/api/v1/menus/{m}/versions/1", menu)).expectStatus().isOk().expectBody()
                .jsonPath("$.categories[0].items[0].prepMinutes").isEqualTo(TestMenus.BURGER_PREP_MINUTES)
                .jsonPath("$.categories[0].items[0].modifierGroups[0].options[?(@.id == '" + TestMenus.SALAD + "')].station")
                .isEqualTo(List.of(TestMenus.SALAD_STATION));
    }

    @Test
    void aSnapshotTooLargeToCarryIsNamedByTheEventAndReadByOrderServiceAlone() {
        UUID menu = menuWith(owner, location, TestMenus.bistroWithSoups(200));

        publish(owner, menu).expectStatus().isCreated();

        var announced = TopicReader.await(kafka, "menu.events", r -> menu.toString().equals(r.key()), 1,
                Duration.ofSeconds(20));
        assertThat(announced.get(0).value().length()).isLessThan(MenuPublished.MAX_INLINE_SNAPSHOT_BYTES);
        MenuPublished event = codec.payload(codec.decode(announced.get(0).value()), MenuPublished.class);
        assertThat(event.carriesSnapshot()).isFalse();
        assertThat(event.version()).isEqualTo(1);

        String orderService = TestTokens.service("order-service").sign();
        MenuSnapshot fetched = call(orderService, http.get().uri(MenuPublished.SNAPSHOT_PATH, tenant, menu, 1))
                .expectStatus().isOk().expectBody(MenuSnapshot.class).returnResult().getResponseBody();
        assertThat(fetched.categories().get(0).items()).hasSize(202);
        assertThat(fetched.version()).isEqualTo(1);
        Item burger = fetched.categories().get(0).items().get(0);
        assertThat(burger.prepMinutes()).isEqualTo(TestMenus.BURGER_PREP_MINUTES);
        assertThat(burger.modifierGroup(TestMenus.SIDES).orElseThrow().option(TestMenus.SALAD).orElseThrow().station())
                .isEqualTo(TestMenus.SALAD_STATION);

        call(orderService, http.get().uri(MenuPublished.SNAPSHOT_PATH, UUID.randomUUID(), menu, 1))
                .expectStatus().isNotFound();
        call(orderService, http.get().uri(MenuPublished.SNAPSHOT_PATH, tenant, menu, 2)).expectStatus().isNotFound();
        call(TestTokens.service("qr-service").sign(), http.get().uri(MenuPublished.SNAPSHOT_PATH, tenant, menu, 1))
                .expectStatus().isForbidden();
        call(owner, http.get().uri(MenuPublished.SNAPSHOT_PATH, tenant, menu, 1)).expectStatus().isForbidden();
    }

    @Test
    void publishingReplacesWhatDinersSeeAtOnceAndAnEarlierVersionCanBeRestored() {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));
        publish(owner, menu).expectStatus().isCreated();
        assertThat(itemNames(publicMenuBody(location))).contains("Classic burger");

        saveDraft(owner, menu, TestMenus.bistro("Smash burger"), null).expectStatus().isOk();
        assertThat(itemNames(publicMenuBody(location))).as("a draft is not live").contains("Classic burger");
        publish(owner, menu).expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(2);
        assertThat(itemNames(publicMenuBody(location))).contains("Smash burger");

        call(owner, http.post().uri("/api/v1/menus/{m}/versions/1/restoration", menu)).expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(3);

        assertThat(itemNames(publicMenuBody(location))).contains("Classic burger");
        call(owner, http.get().uri("/api/v1/menus/{m}/draft", menu)).expectStatus().isOk()
                .expectBody().jsonPath("$.categories[0].items[0].name.text").isEqualTo("Classic burger");
        call(owner, http.get().uri("/api/v1/menus/{m}/versions", menu)).expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(3).jsonPath("$.items[0].version").isEqualTo(3);
        call(owner, http.get().uri("/api/v1/menus/{m}/versions/2", menu)).expectStatus().isOk()
                .expectBody().jsonPath("$.categories[0].items[0].name.text").isEqualTo("Smash burger");
        call(owner, http.get().uri("/api/v1/menus/{m}/versions/1/changes?to=2", menu)).expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].kind").isEqualTo("CHANGED").jsonPath("$[0].name").isEqualTo("Smash burger")
                .jsonPath("$[0].fields").isEqualTo(java.util.List.of("name"));
        call(owner, http.get().uri("/api/v1/menus/{m}/versions/3/changes", menu)).expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        call(owner, http.get().uri("/api/v1/menus/{m}/versions/9", menu)).expectStatus().isNotFound();
        call(owner, http.post().uri("/api/v1/menus/{m}/versions/9/restoration", menu)).expectStatus().isNotFound();
    }
}
