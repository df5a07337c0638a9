package io.urop.menu.diner;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.events.EventCodec;
import io.urop.events.tenant.LocationChanged;
import io.urop.menu.MenuServiceTest;
import io.urop.menu.TestMenus;
import io.urop.test.Databases;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PublicMenuTest extends MenuServiceTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    StringRedisTemplate redis;

    final JdbcTemplate superuser = Databases.asSuperuser("menu");

    @Test
    void anUnchangedMenuIsNotSentAgainAndDinersReadItInTheirLanguage() {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));
        publish(owner, menu).expectStatus().isCreated();

        String etag = publicMenu(location, null, null).expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noCache().cachePublic())
                .returnResult(String.class).getResponseHeaders().getETag();
        publicMenu(location, null, etag).expectStatus().isNotModified().expectBody().isEmpty();

        String german = publicMenu(location, "de-AT,de;q=0.9,en;q=0.5", etag).expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(itemNames(german)).containsExactly("Burger vom Grill", "Tagessuppe");
        assertThat((String) JsonPath.read(german, "$.language")).isEqualTo("de");
        assertThat(itemNames(publicMenu(location, "ja", null).expectStatus().isOk().returnResult(String.class)
                .getResponseBody())).as("falls back to the menu's language").contains("Classic burger");
        publicMenu(UUID.randomUUID(), null, null).expectStatus().isNotFound();
    }

    @Test
    void aMenuOfThreeHundredDishesLoadsInOneRequest() {
        publish(owner, menuWith(owner, location, TestMenus.large(15, 20))).expectStatus().isCreated();

        assertThat(itemNames(publicMenuBody(location))).hasSize(300).contains("Dish 14-19");
    }

    @Test
    void dinersAreServedFromTheCache() {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));
        publish(owner, menu).expectStatus().isCreated();
        publicMenuBody(location);

        // change the stored version behind the cache's back: diners still get what was cached
        superuser.update("update menu_versions set snapshot = jsonb_set(snapshot, '{categories,0,items,0,name,text}', "
                + "'\"Changed behind the cache\"') where menu_id = ?", menu);

        assertThat(itemNames(publicMenuBody(location))).contains("Classic burger");
        assertThat(redis.opsForHash().keys(PublicMenuCache.KEY_PREFIX + location)).contains("menu:*");
    }

    @Test
    void onlyWhatIsServedNowInTheLocationsTimeZoneIsShown() {
        LocalTime nowUtc = LocalTime.now(ZoneOffset.UTC).withNano(0);
        UUID here = UUID.randomUUID();
        UUID east = UUID.randomUUID();
        announce(here, "UTC");
        announce(east, "+02:30");
        UUID menu = menuWith(owner, here, TestMenus.withDayparts(nowUtc));
        call(owner, http.put().uri("/api/v1/menus/{m}/locations", menu).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("locationIds", Set.of(here, east)))).expectStatus().isOk();
        publish(owner, menu).expectStatus().isCreated();

        // "Now" is on in UTC; two and a half hours east it is "Later" that is on
        assertThat(itemNames(publicMenuBody(here))).containsExactly("Soup of the day");
        assertThat(itemNames(publicMenuBody(east))).containsExactly("Full breakfast");
    }

    private void announce(UUID locationId, String zone) {
        LocationChanged changed = new LocationChanged(locationId, tenant, "Bistro", "EUR", zone, 2000, true, 0,
                "PAY_WHEN_ORDERING", List.of(), "OPEN", 0);
        kafka.send("tenant.events", locationId.toString(), codec.encode(codec.envelope(changed, tenant,
                locationId.toString(), null)));
        await().atMost(Duration.ofSeconds(20)).until(() -> superuser.queryForObject(
                "select count(*) from locations where id = ?", Integer.class, locationId) == 1);
    }
}
