package io.urop.menu.availability;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.events.EventCodec;
import io.urop.events.menu.AvailabilityChanged;
import io.urop.menu.MenuServiceTest;
import io.urop.menu.TestMenus;
import io.urop.contracts.Role;
import io.urop.test.TopicReader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

class UnavailabilityTest extends MenuServiceTest {

    @Autowired
    EventCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;


    @Test
    void whatRanOutIsMarkedForDinersAtOnceWithoutPublishingAndComesBack() {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));
        publish(owner, menu).expectStatus().isCreated();
        String before = publicMenuBody(location);
        assertThat(available(before, TestMenus.SOUP)).isTrue();
        String kitchen = staff(tenant, Role.KITCHEN, location);

        call(kitchen, http.put().uri(path(TestMenus.SOUP))).expectStatus().isNoContent();
        call(kitchen, http.put().uri(path(TestMenus.SALAD))).expectStatus().isNoContent();

        String during = publicMenuBody(location);
        assertThat(available(during, TestMenus.SOUP)).isFalse();
        assertThat((List<Boolean>) JsonPath.read(during, "$..options[?(@.id == '" + TestMenus.SALAD + "')].available"))
                .containsExactly(false);
        assertThat(JsonPath.<Integer>read(call(owner, http.get().uri("/api/v1/menus/{m}", menu)).expectStatus().isOk()
                .returnResult(String.class).getResponseBody(), "$.publishedVersion")).isEqualTo(1);
        var announced = TopicReader.await(kafka, "menu.events", r -> location.toString().equals(r.key()), 2,
                Duration.ofSeconds(20));
        assertThat(announced.stream().map(r -> codec.payload(codec.decode(r.value()), AvailabilityChanged.class))
                .map(AvailabilityChanged::kind)).containsExactly(AvailabilityChanged.Kind.ITEM, AvailabilityChanged.Kind.OPTION);

        call(kitchen, http.delete().uri(path(TestMenus.SOUP))).expectStatus().isNoContent();

        assertThat(available(publicMenuBody(location), TestMenus.SOUP)).isTrue();
        call(kitchen, http.get().uri("/api/v1/menus/locations/{l}/unavailable", location)).expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].targetId").isEqualTo(TestMenus.SALAD.toString());
    }

    @Test
    void onlyTheLocationsOwnStaffMark86AndOnlyWhatIsOnItsMenu() {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));
        publish(owner, menu).expectStatus().isCreated();

        call(staff(tenant, Role.STAFF, UUID.randomUUID()), http.put().uri(path(TestMenus.SOUP))).expectStatus().isNotFound();
        call(owner(UUID.randomUUID()), http.put().uri(path(TestMenus.SOUP))).expectStatus().isNotFound();
        call(owner, http.put().uri(path(UUID.randomUUID()))).expectStatus().isNotFound();
        call(owner, http.put().uri("/api/v1/menus/locations/{l}/unavailable/{t}", UUID.randomUUID(), TestMenus.SOUP))
                .expectStatus().isNotFound();

        assertThat(available(publicMenuBody(location), TestMenus.SOUP)).isTrue();
    }

    private String path(UUID target) {
        return "/api/v1/menus/locations/" + location + "/unavailable/" + target;
    }

    private static boolean available(String body, UUID item) {
        List<Boolean> flags = JsonPath.read(body, "$.categories[*].items[?(@.id == '" + item + "')].available");
        assertThat(flags).hasSize(1);
        return flags.get(0);
    }
}
