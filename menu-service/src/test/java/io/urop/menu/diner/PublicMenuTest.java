package io.urop.menu.diner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import com.jayway.jsonpath.JsonPath;
import io.urop.events.EventCodec;
import io.urop.events.tenant.LocationChanged.MenuAccess;
import io.urop.events.tenant.LocationChanged.PaymentMode;
import io.urop.events.tenant.LocationChanged.Status;
import io.urop.events.tenant.LocationChanged;
import io.urop.menu.MenuServiceTest;
import io.urop.menu.TestMenus;
import io.urop.test.Databases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
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
    StringRedisTemplate stateRedis;

    @Autowired
    CacheRedis cacheRedis;

    StringRedisTemplate redis;

    @BeforeEach
    void theCache() {
        redis = cacheRedis.template();
    }

    @LocalServerPort
    int port;

    private static final HttpClient PHONE = HttpClient.newHttpClient();

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
        publicMenu(location, "xx", null).expectStatus().isOk();
        assertThat(redis.opsForHash().keys(PublicMenuKeys.location(location)))
                .as("languages the menu does not have are not cached apart")
                .containsExactlyInAnyOrder("generation", "languages", "menu:*", "menu:de");
        publicMenu(UUID.randomUUID(), null, null).expectStatus().isNotFound();
    }

    @Test
    void phonesThatTakeGzipGetTheMenuCompressed() throws IOException, InterruptedException {
        publish(owner, menuWith(owner, location, TestMenus.large(15, 20))).expectStatus().isCreated();
        String plain = publicMenuBody(location);

        HttpResponse<byte[]> compressed = get(location, "gzip, deflate, br", null);
        byte[] gzipped = compressed.body();

        assertThat(compressed.statusCode()).isEqualTo(200);
        assertThat(compressed.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).hasValue("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
        }
        assertThat(gzipped.length).isLessThan(plain.length() / 5);
        String etag = compressed.headers().firstValue(HttpHeaders.ETAG).orElseThrow();
        assertThat(get(location, "gzip", etag).statusCode()).isEqualTo(304);
        // the plain JSON is another representation, with its own ETag
        publicMenu(location, null, etag).expectStatus().isOk();
    }

    /** As a phone's browser asks, without a client that unpacks gzip by itself. */
    private HttpResponse<byte[]> get(UUID locationId, String acceptEncoding, String ifNoneMatch) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/public/locations/" + locationId + "/menu")).header(HttpHeaders.ACCEPT_ENCODING, acceptEncoding);
        if (ifNoneMatch != null) {
            request.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
        }
        return PHONE.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aMenuOfThreeHundredDishesLoadsInOneRequest() {
        publish(owner, menuWith(owner, location, TestMenus.large(15, 20))).expectStatus().isCreated();

        assertThat(itemNames(publicMenuBody(location))).hasSize(300).contains("Dish 14-19");
    }

    @Test
    void dinersAreServedFromTheCache() {
        // diners still get what was cached
        servedThenRenamedBehindTheCache("Changed behind the cache");

        assertThat(itemNames(publicMenuBody(location))).contains("Classic burger");
        assertThat(redis.opsForHash().keys(PublicMenuKeys.location(location))).contains("menu:*");
    }

    @Test
    void eachInstanceAnswersFromMemoryUntilAnyInstanceChangesTheMenu() {
        servedThenRenamedBehindTheCache("Changed on another instance");

        // Redis alone moving on does not reach this instance's memory
        redis.opsForHash().increment(PublicMenuKeys.location(location), PublicMenuKeys.GENERATION, 1);
        assertThat(itemNames(publicMenuBody(location))).contains("Classic burger");

        // what another instance's change publishes
        redis.convertAndSend(PublicMenuKeys.INVALIDATED, location.toString());
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(itemNames(publicMenuBody(location))).contains("Changed on another instance"));
    }

    @Test
    void aLostChangeMessageLeavesAMenuStaleForSecondsAtMost() {
        servedThenRenamedBehindTheCache("Changed, message lost");
        redis.opsForHash().increment(PublicMenuKeys.location(location), PublicMenuKeys.GENERATION, 1);
        assertThat(itemNames(publicMenuBody(location))).contains("Classic burger");

        await().atMost(RecentMenus.TIME_TO_LIVE.plusSeconds(2)).untilAsserted(() ->
                assertThat(itemNames(publicMenuBody(location))).contains("Changed, message lost"));
    }

    /** A "Classic burger" menu published and served once, then its first dish renamed in the database alone. */
    private void servedThenRenamedBehindTheCache(String name) {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));
        publish(owner, menu).expectStatus().isCreated();
        publicMenuBody(location);
        superuser.update("update menu_versions set snapshot = jsonb_set(snapshot, '{categories,0,items,0,name,text}', "
                + "to_jsonb(?::text)) where menu_id = ?", name, menu);
    }

    @Test
    void renderedMenusLiveInARedisThatMayEvictThemApartFromWhatMustNotBeLost() {
        publish(owner, menuWith(owner, location, TestMenus.bistro("Classic burger"))).expectStatus().isCreated();
        publicMenuBody(location);

        assertThat(redis.hasKey(PublicMenuKeys.location(location))).isTrue();
        assertThat(stateRedis.hasKey(PublicMenuKeys.location(location))).isFalse();
        assertThat(redis.execute((RedisCallback<Properties>) connection -> connection.serverCommands()
                .getConfig("maxmemory-policy"))).containsEntry("maxmemory-policy", "allkeys-lru");

        redis.delete(PublicMenuKeys.location(location));
        assertThat(itemNames(publicMenuBody(location))).as("an evicted menu is rendered again").contains("Classic burger");
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
                PaymentMode.PAY_WHEN_ORDERING, List.of(), MenuAccess.PUBLIC, false, Status.OPEN, 0);
        kafka.send("tenant.events", locationId.toString(), codec.encode(codec.envelope(changed, tenant,
                locationId.toString(), null)));
        await().atMost(Duration.ofSeconds(20)).until(() -> superuser.queryForObject(
                "select count(*) from locations where id = ?", Integer.class, locationId) == 1);
    }
}
