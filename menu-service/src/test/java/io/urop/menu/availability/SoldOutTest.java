package io.urop.menu.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.contracts.Role;
import io.urop.events.EventCodec;
import io.urop.events.menu.AvailabilityChanged;
import io.urop.events.order.ItemSoldOut;
import io.urop.menu.MenuServiceTest;
import io.urop.menu.TestMenus;
import io.urop.test.Databases;
import io.urop.test.TopicReader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** order-service counted an item down to its last portion: it runs out at that location as if staff had marked it. */
class SoldOutTest extends MenuServiceTest {

    @Autowired
    EventCodec codec;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void anItemSoldOutAtOrderServiceRunsOutForDinersAndIsAnnouncedOnceHoweverOftenItArrives() {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));
        publish(owner, menu).expectStatus().isCreated();
        assertThat(available(publicMenuBody(location), TestMenus.SOUP)).isTrue();

        // delivered twice, as Kafka may: the same event
        String soldOut = codec.encode(codec.envelope(new ItemSoldOut(tenant, location, TestMenus.SOUP, Instant.now()),
                tenant, location.toString(), null));
        kafka.send("order.events", location.toString(), soldOut);
        kafka.send("order.events", location.toString(), soldOut);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(available(publicMenuBody(location), TestMenus.SOUP)).isFalse());
        call(staff(tenant, Role.KITCHEN, location), http.get().uri("/api/v1/menus/locations/{l}/unavailable", location))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].targetId").isEqualTo(TestMenus.SOUP.toString())
                .jsonPath("$[0].kind").isEqualTo("ITEM")
                .jsonPath("$[0].markedBy").isEqualTo(Unavailability.SOLD_OUT);
        var announced = TopicReader.await(bootstrap, "menu.events", r -> location.toString().equals(r.key()), 1,
                Duration.ofSeconds(20));
        assertThat(announced).hasSize(1);
        AvailabilityChanged changed = codec.payload(codec.decode(announced.get(0).value()), AvailabilityChanged.class);
        assertThat(changed.targetId()).isEqualTo(TestMenus.SOUP);
        assertThat(changed.kind()).isEqualTo(AvailabilityChanged.Kind.ITEM);
        assertThat(changed.available()).isFalse();

        // staff bring it back, as they would any item run out
        call(owner, http.delete().uri("/api/v1/menus/locations/{l}/unavailable/{t}", location, TestMenus.SOUP))
                .expectStatus().isNoContent();
        assertThat(available(publicMenuBody(location), TestMenus.SOUP)).isTrue();
    }

    @Test
    void anItemNoLongerOnTheLocationsMenuOrAnotherLocationsIsLeftAsItIs() {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));
        publish(owner, menu).expectStatus().isCreated();
        UUID unknownLocation = UUID.randomUUID();

        // on one partition, in this order: the last is acted on only after the first two were handled
        for (ItemSoldOut soldOut : List.of(new ItemSoldOut(tenant, location, UUID.randomUUID(), Instant.now()),
                new ItemSoldOut(tenant, unknownLocation, TestMenus.SOUP, Instant.now()),
                new ItemSoldOut(tenant, location, TestMenus.BURGER, Instant.now()))) {
            kafka.send("order.events", location.toString(),
                    codec.encode(codec.envelope(soldOut, tenant, location.toString(), null)));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(available(publicMenuBody(location), TestMenus.BURGER)).isFalse());
        assertThat(available(publicMenuBody(location), TestMenus.SOUP)).isTrue();
        call(owner, http.get().uri("/api/v1/menus/locations/{l}/unavailable", location)).expectStatus().isOk()
                .expectBody().jsonPath("$[*].targetId").isEqualTo(List.of(TestMenus.BURGER.toString()));
        assertThat(Databases.asSuperuser("menu").queryForObject(
                "select count(*) from unavailable where location_id = ?", Long.class, unknownLocation)).isZero();
    }

    private static boolean available(String body, UUID item) {
        List<Boolean> flags = JsonPath.read(body, "$.categories[*].items[?(@.id == '" + item + "')].available");
        assertThat(flags).hasSize(1);
        return flags.get(0);
    }
}
