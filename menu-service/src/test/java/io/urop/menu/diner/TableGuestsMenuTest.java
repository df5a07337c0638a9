package io.urop.menu.diner;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.urop.contracts.DenyList;
import io.urop.contracts.Role;
import io.urop.events.EventCodec;
import io.urop.events.tenant.LocationChanged.MenuAccess;
import io.urop.events.tenant.LocationChanged.PaymentMode;
import io.urop.events.tenant.LocationChanged.Status;
import io.urop.events.tenant.LocationChanged;
import io.urop.menu.MenuServiceTest;
import io.urop.menu.TestMenus;
import io.urop.test.Databases;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A location whose owner keeps the menu for its table guests (tenant-service's {@code menuAccess}). */
class TableGuestsMenuTest extends MenuServiceTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    StringRedisTemplate redis;

    final JdbcTemplate superuser = Databases.asSuperuser("menu");

    long locationVersion;

    @BeforeEach
    void aPublishedMenuDinersHaveReadFromTheCache() {
        publish(owner, menuWith(owner, location, TestMenus.bistro("Classic burger"))).expectStatus().isCreated();
        assertThat(itemNames(publicMenuBody(location))).contains("Classic burger");
    }

    @Test
    void withoutATokenTheMenuIsRefusedEvenWhenItIsCached() {
        announce("TABLE_GUESTS", false);

        read(null, null).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo("https://urop.io/problems/unauthorized")
                .jsonPath("$.categories").doesNotExist();
        for (String refused : List.of(guest(tenant, location).expired().sign(), guest(tenant, location).signTampered(),
                guest(tenant, location).signWithUnknownKey(), "not-a-jwt")) {
            read(refused, null).expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void anAccessThatOnlyANewerTenantServiceKnowsKeepsTheMenuForTableGuests() {
        announce("FRIENDS_AND_FAMILY", false);

        read(null, null).expectStatus().isUnauthorized().expectBody().jsonPath("$.categories").doesNotExist();
        read(guest(tenant, location).sign(), null).expectStatus().isOk();
    }

    @Test
    void aLocationMenuServiceNoLongerKnowsKeepsItsMenuForTableGuests() {
        UUID unannounced = location(tenant, "UTC");
        publish(owner, menuWith(owner, unannounced, TestMenus.bistro("Classic burger"))).expectStatus().isCreated();
        superuser.update("delete from locations where id = ?", unannounced);

        http.get().uri("/api/v1/public/locations/{l}/menu", unannounced).exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.categories").doesNotExist();
        call(guest(tenant, unannounced).sign(), http.get().uri("/api/v1/public/locations/{l}/menu", unannounced))
                .expectStatus().isOk().expectBody().jsonPath("$.categories[0].items[0].name").isEqualTo("Classic burger");
    }

    @Test
    void aGuestAtOneOfItsTablesAndTheTenantsStaffReadItAndRevalidateIt() {
        announce("TABLE_GUESTS", false);
        String diner = guest(tenant, location).sign();

        RestTestClient.ResponseSpec served = read(diner, null).expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noCache().cachePrivate());
        String etag = served.returnResult(String.class).getResponseHeaders().getETag();
        assertThat(itemNames(read(diner, null).returnResult(String.class).getResponseBody())).contains("Classic burger");

        read(diner, etag).expectStatus().isNotModified();
        // the ETag alone reveals nothing: without a token it is still a 401, not a 304
        read(null, etag).expectStatus().isUnauthorized();
        read(staff(tenant, Role.STAFF, location), etag).expectStatus().isNotModified();
        read(owner, null).expectStatus().isOk();
    }

    @Test
    void aGuestWhoseTableSessionWasClosedIsRefusedAlthoughTheTokenIsStillValid() {
        announce("TABLE_GUESTS", false);
        String tableSession = UUID.randomUUID().toString();
        String diner = guest(tenant, location).claim("sid", tableSession).sign();
        String tablemate = guest(tenant, location).sign();
        read(diner, null).expectStatus().isOk();

        // what auth-service lists when qr-service closes the session
        redis.opsForValue().set(DenyList.key(tableSession), "table-session-closed", Duration.ofMinutes(1));

        read(diner, null).expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody().jsonPath("$.categories").doesNotExist();
        read(tablemate, null).expectStatus().isOk();
    }

    @Test
    void aTokenForAnotherTableLocationOrTenantFindsNoMenuThere() {
        announce("TABLE_GUESTS", false);
        UUID elsewhere = location(tenant, "UTC");
        UUID stranger = UUID.randomUUID();

        for (String token : List.of(guest(tenant, elsewhere).sign(), guest(stranger, location).sign(),
                guest(tenant, location).claim("tbl", null).sign(),
                guest(tenant, location).locations(location, elsewhere).sign(),
                staff(tenant, Role.MANAGER, elsewhere), owner(stranger))) {
            read(token, null).expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.categories").doesNotExist();
        }
        // just as for a location that serves no menu at all
        read(guest(tenant, elsewhere).sign(), null).expectStatus().isNotFound();
    }

    @Test
    void backToPublicByAnAnnouncementThatDoesNotKnowTheSettingAnyoneReadsItAgain() {
        announce("TABLE_GUESTS", false);
        read(null, null).expectStatus().isUnauthorized();

        announce("TABLE_GUESTS", true);

        read(null, null).expectStatus().isOk().expectHeader().cacheControl(CacheControl.noCache().cachePublic());
        // a public menu ignores whatever token comes with it
        read(guest(UUID.randomUUID(), UUID.randomUUID()).expired().sign(), null).expectStatus().isOk();
    }

    /**
     * tenant-service announcing the location's next state; {@code asBeforeTheSetting} sends it without
     * {@code menuAccess}, as a tenant-service from before the setting did.
     */
    private void announce(String menuAccess, boolean asBeforeTheSetting) {
        long version = ++locationVersion;
        LocationChanged changed = new LocationChanged(location, tenant, "Bistro", "EUR", "UTC", 2000, true, 0,
                PaymentMode.PAY_WHEN_ORDERING, List.of(), MenuAccess.TABLE_GUESTS, false, Status.OPEN, version);
        // written on the wire as given, which may be a value only a newer tenant-service knows
        String message = codec.encode(codec.envelope(changed, tenant, location.toString(), null)).replace(
                "\"menuAccess\":\"TABLE_GUESTS\",", asBeforeTheSetting ? "" : "\"menuAccess\":\"" + menuAccess + "\",");
        assertThat(message.contains("menuAccess")).isNotEqualTo(asBeforeTheSetting);
        kafka.send("tenant.events", location.toString(), message);
        await().atMost(Duration.ofSeconds(20)).until(() -> superuser.queryForObject(
                "select version from locations where id = ?", Long.class, location) == version);
    }

    private static io.urop.test.tokens.TokenBuilder guest(UUID tenant, UUID location) {
        return TestTokens.user(tenant, Role.DINER).subject(UUID.randomUUID().toString()).locations(location)
                .claim("tbl", UUID.randomUUID().toString());
    }

    private RestTestClient.ResponseSpec read(String token, String ifNoneMatch) {
        RestTestClient.RequestHeadersSpec<?> request = http.get().uri("/api/v1/public/locations/{l}/menu", location)
                .header(HttpHeaders.ACCEPT_ENCODING, "identity");
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (ifNoneMatch != null) {
            request.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
        }
        return request.exchange();
    }
}
