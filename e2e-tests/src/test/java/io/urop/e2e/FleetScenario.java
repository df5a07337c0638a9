package io.urop.e2e;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import io.urop.devstack.Checkout;
import io.urop.devstack.Fleet;
import io.urop.devstack.FleetProcess;
import io.urop.devstack.Member;
import io.urop.events.EventCodec;
import io.urop.events.EventEnvelope;
import io.urop.events.order.OrderCancelled;
import io.urop.events.payment.TableBillSettled;
import io.urop.events.tenant.TenantCreated;
import io.urop.infra.SmtpServer;
import io.urop.sms.capture.CapturedSms;
import io.urop.sms.capture.SmsCapture;
import io.urop.stripe.emulator.StripeEmulator;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fleet as devstack runs it, each service its own JVM, driven through the gateway only;
 * databases are looked at from outside, as an operator would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetScenario {

    /** What a phone's browser asks for when its camera opens a code. */
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final EventCodec CODEC = new EventCodec(Clock.systemUTC());
    private static final SecureRandom RANDOM = new SecureRandom();

    private static OtlpReceiver traces;
    private static Fleet fleet;
    private static Gateway gateway;
    private static JdbcTemplate tenantDb;
    private static JdbcTemplate authDb;

    @BeforeAll
    static void startFleet() {
        traces = OtlpReceiver.start();
        fleet = Fleet.start(Checkout.locate(), Map.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                traces.tracesEndpoint().toString()), System.out);
        gateway = new Gateway(fleet.gateway());
        tenantDb = new JdbcTemplate(fleet.infrastructure().adminDataSource("tenant"));
        authDb = new JdbcTemplate(fleet.infrastructure().adminDataSource("auth"));
        System.out.println(fleet.describe());
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
        if (traces != null) {
            traces.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceIsRegisteredInEurekaAndReady() {
        JsonNode apps = Gateway.getJson(fleet.url(Member.DISCOVERY_SERVER).resolve("/eureka/apps")).json();
        List<String> up = new ArrayList<>();
        apps.path("applications").path("application").forEach(app -> app.path("instance").forEach(instance -> {
            if ("UP".equals(instance.path("status").asString())) {
                up.add(app.path("name").asString().toLowerCase());
            }
        }));
        List<String> expected = new ArrayList<>(Member.routed().stream().map(Member::id).toList());
        expected.add(Member.GATEWAY.id());
        assertThat(up).containsAll(expected);
        for (Member member : Member.values()) {
            assertThat(fleet.process(member).isReady()).as(member.id() + " ready").isTrue();
        }
    }

    @Test
    @Order(2)
    void aNewTenantReachesAuthServiceExactlyOnce() {
        Gateway.Reply created = gateway.post("/api/v1/signup", Journeys.signup("trattoria-uno", "owner@trattoria-uno.example"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("X-Request-Id")).isNotBlank();
        UUID id = UUID.fromString(created.json().path("tenantId").asString());
        awaitKnownOnce(id);
    }

    @Test
    @Order(3)
    void aSignUpWithAnAddressThatHasAnAccountAnswersAsAnyOtherAndEmailsThatAddressInstead() throws Exception {
        String email = "owner@trattoria-uno.example"; // signed up by an earlier scenario

        Gateway.Reply again = gateway.post("/api/v1/signup", Journeys.signup("trattoria-due", email));

        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        SmtpServer smtp = fleet.infrastructure().smtp().orElseThrow();
        String subject = "Someone tried to sign up with your email address";
        List<MimeMessage> notices = await().atMost(Duration.ofSeconds(60))
                .until(() -> withSubject(messagesTo(smtp, email), subject), found -> !found.isEmpty());
        assertThat(notices).hasSize(1);
        assertThat((String) notices.get(0).getContent()).contains("nothing was created");
    }

    @Test
    @Order(3)
    void aForgottenPasswordIsSetAnewThroughTheEmailedLink() throws Exception {
        String email = "owner@trattoria-uno.example"; // signed up by an earlier scenario
        assertThat(gateway.post("/api/v1/auth/password-reset", "{\"email\": \"" + email + "\"}").status())
                .isEqualTo(202);

        String link = emailedLink(email, "Set a new password for urop");
        Gateway.Reply reset = gateway.post("/api/v1/auth/password-reset/confirmation", """
                {"token": "%s", "newPassword": "another password, longer still"}""".formatted(
                link.substring(link.lastIndexOf('/') + 1)));

        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        assertThat(gateway.post("/api/v1/auth/login", Journeys.login(email)).status()).isEqualTo(401);
        assertThat(gateway.post("/api/v1/auth/login", """
                {"email": "%s", "password": "another password, longer still"}""".formatted(email)).status())
                .isEqualTo(200);
    }

    @Test
    @Order(4)
    void serviceLogsAreStructuredWithTraceAndSpanIds() throws IOException {
        List<String> lines = Files.readAllLines(fleet.process(Member.TENANT_SERVICE).log());

        assertThat(lines).allMatch(line -> line.startsWith("{\"@timestamp\""), "ECS JSON lines");
        assertThat(lines).anyMatch(line -> line.matches(".*\"traceId\":\"[0-9a-f]{32}\",\"spanId\":\"[0-9a-f]{16}\".*"));
    }

    @Test
    @Order(5)
    void badInputIsA400ProblemAndWritesNothing() {
        long before = tenantDb.queryForObject("select count(*) from tenants", Long.class);

        Gateway.Reply refused = gateway.post("/api/v1/signup", """
                {"organisation": {"name": "", "slug": "NO SLUG"}, "owner": {"email": "nobody"}}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors")).hasSize(6);
        assertThat(tenantDb.queryForObject("select count(*) from tenants", Long.class)).isEqualTo(before);
    }

    @Test
    @Order(6)
    void aKilledServiceAnswers503QuicklyWhileTheOthersServeAndAnEventItHadCommittedIsDeliveredOnceAfterRestart() {
        fleet.kill(Member.TENANT_SERVICE);

        Gateway.Reply down = gateway.post("/api/v1/signup", Journeys.signup("too-early", "owner@too-early.example"));
        assertThat(down.status()).as(down.toString()).isEqualTo(503);
        assertThat(down.contentType()).startsWith("application/problem+json");
        assertThat(down.header("Retry-After")).isNotBlank();
        assertThat(down.took()).isLessThan(Duration.ofSeconds(12));
        assertThat(gateway.get("/.well-known/jwks.json").status()).as("auth-service still answers").isEqualTo(200);

        // what a crash between commit and relay leaves behind: a committed, unpublished outbox row
        UUID orphan = commitUnpublishedTenantCreated("orphan");

        fleet.restart(Member.TENANT_SERVICE);

        Gateway.Reply again = gateway.post("/api/v1/signup", Journeys.signup("back-again", "owner@back-again.example"));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        awaitKnownOnce(orphan);
    }

    @Test
    @Order(7)
    void whileAuthServiceIsDownSignUpIsRefusedCleanlyAndItCatchesUpOnEveryEventOnceBack() {
        fleet.kill(Member.AUTH_SERVICE);

        // sign-up needs the owner's account: nothing is kept without it
        Gateway.Reply refused = gateway.post("/api/v1/signup", Journeys.signup("while-down", "owner@while-down.example"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(tenantDb.queryForObject("select count(*) from tenants where slug = 'while-down'", Long.class)).isZero();

        // events tenant-service publishes meanwhile wait on Kafka for auth-service
        List<UUID> announced = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            announced.add(commitUnpublishedTenantCreated("while-down-" + i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> tenantDb.queryForObject(
                "select count(*) from outbox where published_at is null", Long.class) == 0);

        fleet.restart(Member.AUTH_SERVICE);

        announced.forEach(FleetScenario::awaitKnownOnce);
    }

    @Test
    @Order(8)
    void noEventWasParkedOnTheDeadLetterTopic() {
        assertThat(DeadLetters.count(fleet.infrastructure().environment().get("UROP_KAFKA_BOOTSTRAP"), "tenant.events.DLT"))
                .as("a redelivered event applied twice would have failed on the primary key and been parked")
                .isZero();
    }

    @Test
    @Order(9)
    void theSigningKeysArePublishedThroughTheGatewayAndSurviveARestartOfAuthService() {
        Gateway.Reply jwks = gateway.get("/.well-known/jwks.json");

        assertThat(jwks.status()).as(jwks.toString()).isEqualTo(200);
        JsonNode keys = jwks.json().path("keys");
        assertThat(keys).isNotEmpty();
        keys.forEach(key -> {
            assertThat(key.path("kty").asString()).isEqualTo("EC");
            assertThat(key.path("alg").asString()).isEqualTo("ES256");
            assertThat(key.has("d")).as("private part").isFalse();
        });
        assertThat(authDb.queryForObject("select count(*) from signing_keys", Long.class))
                .as("auth-service was restarted above and kept its key").isOne();
    }

    @Test
    @Order(10)
    void anOwnerInvitesAManagerAndTheirAccessEndsWithinASecondOfTheOwnerRevokingIt() throws Exception {
        Gateway.Reply signedUp = gateway.post("/api/v1/signup", Journeys.signup("brasserie-neuf", "owner@brasserie-neuf.example"));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
        String tenant = signedUp.json().path("tenantId").asString();
        String location = signedUp.json().path("locationId").asString();
        String owner = accessToken(gateway.post("/api/v1/auth/login", Journeys.login("owner@brasserie-neuf.example")));

        Gateway.Reply invited = gateway.post("/api/v1/tenants/" + tenant + "/invitations",
                Journeys.invitation("manager@brasserie-neuf.example", "MANAGER", location), owner);
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String link = emailedLink("manager@brasserie-neuf.example", "Join Restaurant brasserie-neuf on urop");
        String token = link.substring(link.lastIndexOf('/') + 1);

        Gateway.Reply accepted = gateway.post("/api/v1/invitations/" + token + "/acceptance",
                Journeys.acceptance("Maxime Leroy"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        String member = accepted.json().path("memberId").asString();
        Gateway.Reply managerLogin = gateway.post("/api/v1/auth/login", Journeys.login("manager@brasserie-neuf.example"));
        String manager = accessToken(managerLogin);
        String managerRefresh = managerLogin.json().path("refreshToken").asString();

        Gateway.Reply locations = gateway.get("/api/v1/tenants/" + tenant + "/locations", manager);
        assertThat(locations.status()).as(locations.toString()).isEqualTo(200);
        assertThat(locations.json().path("items").get(0).path("id").asString()).isEqualTo(location);
        assertThat(gateway.post("/api/v1/tenants/" + tenant + "/invitations",
                Journeys.invitation("boss@brasserie-neuf.example", "OWNER", location), manager).status())
                .as("a manager cannot invite an owner").isEqualTo(403);

        Gateway.Reply revoked = gateway.post("/api/v1/tenants/" + tenant + "/members/" + member + "/deactivation", null,
                owner);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);

        // the manager's access token has not expired, but it is refused within a second
        Gateway.Reply refused = await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> gateway.get("/api/v1/tenants/" + tenant + "/locations", manager),
                        reply -> reply.status() == 401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(gateway.post("/api/v1/auth/refresh", "{\"refreshToken\": \"" + managerRefresh + "\"}").status())
                .isEqualTo(401);
        assertThat(gateway.post("/api/v1/auth/login", Journeys.login("manager@brasserie-neuf.example")).status())
                .isEqualTo(401);
        // while the owner goes on
        assertThat(gateway.get("/api/v1/tenants/" + tenant + "/locations", owner).status()).isEqualTo(200);
    }

    @Test
    @Order(11)
    void anotherTenantsOwnerFindsNothingOfThisTenant() {
        Gateway.Reply first = gateway.post("/api/v1/signup", Journeys.signup("first-place", "owner@first-place.example"));
        Gateway.Reply second = gateway.post("/api/v1/signup", Journeys.signup("second-place", "owner@second-place.example"));
        assertThat(List.of(first.status(), second.status())).containsOnly(201);
        String tenant = first.json().path("tenantId").asString();
        String location = first.json().path("locationId").asString();
        String stranger = accessToken(gateway.post("/api/v1/auth/login", Journeys.login("owner@second-place.example")));

        for (String path : List.of("/api/v1/tenants/" + tenant + "/locations",
                "/api/v1/tenants/" + tenant + "/locations/" + location, "/api/v1/tenants/" + tenant + "/members",
                "/api/v1/tenants/" + tenant + "/invitations",
                "/api/v1/tenants/" + second.json().path("tenantId").asString() + "/locations/" + location)) {
            Gateway.Reply reply = gateway.get(path, stranger);
            assertThat(reply.status()).as(path + " " + reply).isEqualTo(404);
        }
    }

    @Test
    @Order(12)
    void aDinerScansATablesCodeJoinsItsSessionReadsTheMenuAndAReplacedCodeEndsItsSessionAsClosingDoes() {
        Gateway.Reply signedUp = gateway.post("/api/v1/signup",
                Journeys.signup("heuriger-tisch", "owner@heuriger-tisch.example", "TABLE_GUESTS"));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
        String location = signedUp.json().path("locationId").asString();
        String owner = accessToken(gateway.post("/api/v1/auth/login", Journeys.login("owner@heuriger-tisch.example")));
        String menu = "/api/v1/public/locations/" + location + "/menu";
        publishOneDishMenu(location, owner);

        // the owner sets up a table (qr-service, like menu-service, learns of the new location from its event)
        Gateway.Reply area = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.post("/api/v1/areas", Journeys.area(location, "Garden"), owner),
                        reply -> reply.status() != 404);
        assertThat(area.status()).as(area.toString()).isEqualTo(201);
        Gateway.Reply table = gateway.post("/api/v1/tables",
                Journeys.table(location, area.json().path("id").asString(), "Table 7"), owner);
        assertThat(table.status()).as(table.toString()).isEqualTo(201);
        String tableId = table.json().path("id").asString();
        Gateway.Reply code = gateway.get("/api/v1/tables/" + tableId + "/qr-code", owner);
        assertThat(code.status()).as(code.toString()).isEqualTo(200);
        assertThat(code.json().path("qrVersion").asInt()).isOne();
        URI printed = URI.create(code.json().path("scanUrl").asString());
        assertThat(printed.toString()).as("the printed code opens the gateway's scan path")
                .isEqualTo(fleet.gateway() + "/q/" + code.json().path("token").asString());

        // a phone scans it: sent on (303, not followed here) to the customer app, seated at this table
        Gateway.Reply scanned = Gateway.getAccepting(printed, BROWSER);
        assertThat(scanned.status()).as(scanned.toString()).isEqualTo(303);
        assertThat(scanned.header("Cache-Control")).contains("no-store");
        DinerLanding first = DinerLanding.of(scanned);
        assertThat(first.app()).isEqualTo(fleet.gateway() + "/table");
        assertThat(first.query()).containsEntry("location", location).containsEntry("table", tableId)
                .containsKeys("session", "guest");
        assertThat(first.token()).as("the diner's token, in the fragment").isNotBlank();
        assertThat(first.fragment().get("expiresIn")).matches("[1-9][0-9]*");

        // a second phone at the same table joins the same session as another guest
        DinerLanding second = DinerLanding.of(Gateway.getAccepting(printed, BROWSER));
        assertThat(second.session()).isEqualTo(first.session());
        assertThat(second.guest()).isNotEqualTo(first.guest());
        assertThat(second.token()).isNotEqualTo(first.token());

        // the menu is for table guests: a diner's token reads it, nobody reads it without one
        Gateway.Reply anonymous = gateway.get(menu);
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
        Gateway.Reply forTheGuest = gateway.get(menu, first.token());
        assertThat(forTheGuest.status()).as(forTheGuest.toString()).isEqualTo(200);
        assertThat(forTheGuest.json().findValuesAsString("name")).contains("Wiener Schnitzel");
        // but the staff's side stays closed to a diner
        for (Gateway.Reply staffOnly : List.of(gateway.get("/api/v1/tables?locationId=" + location, first.token()),
                gateway.get("/api/v1/tables/" + tableId + "/qr-code", first.token()),
                gateway.get("/api/v1/tables/" + tableId + "/session", first.token()),
                gateway.post("/api/v1/tables/" + tableId + "/qr-rotation", null, first.token()))) {
            assertThat(staffOnly.status()).as(staffOnly.toString()).isIn(403, 404);
            assertThat(staffOnly.contentType()).startsWith("application/problem+json");
        }

        // the owner replaces the code: the printed one is refused at once, the session it opened ends with its
        // diners' tokens, and the new code seats the next party
        Gateway.Reply rotated = gateway.post("/api/v1/tables/" + tableId + "/qr-rotation", null, owner);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        assertThat(rotated.json().path("qrVersion").asInt()).isEqualTo(2);
        URI reprinted = URI.create(rotated.json().path("scanUrl").asString());
        assertThat(reprinted).isNotEqualTo(printed);
        Gateway.Reply replaced = Gateway.getAccepting(printed, BROWSER);
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(410);
        assertThat(replaced.contentType()).startsWith("text/html");
        assertThat(replaced.response().body()).contains("Code replaced");
        Gateway.Reply replacedForAClient = Gateway.getJson(printed);
        assertThat(replacedForAClient.status()).isEqualTo(410);
        assertThat(replacedForAClient.contentType()).startsWith("application/problem+json");
        assertThat(replacedForAClient.json().path("type").asString()).endsWith("/qr-code-revoked");
        awaitRefused(List.of(first, second));
        Gateway.Reply scannedAgain = Gateway.getAccepting(reprinted, BROWSER);
        assertThat(scannedAgain.status()).as(scannedAgain.toString()).isEqualTo(303);
        DinerLanding party = DinerLanding.of(scannedAgain);
        assertThat(party.query()).containsEntry("table", tableId);
        assertThat(party.session()).isNotEqualTo(first.session());

        // a code nobody printed, or one whose signature was altered by a character, opens nothing
        String token = code.json().path("token").asString();
        int signature = token.lastIndexOf('.') + 1;
        String altered = token.substring(0, signature) + (token.charAt(signature) == 'A' ? 'B' : 'A')
                + token.substring(signature + 1);
        for (String forged : List.of("not-a-code", altered, "v1." + "x".repeat(300))) {
            Gateway.Reply refused = Gateway.getJson(fleet.gateway().resolve("/q/" + forged));
            assertThat(refused.status()).as(forged + " " + refused).isEqualTo(404);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }

        // the party leaves: staff close the session, and its diners' tokens open nothing more at the gateway
        Gateway.Reply seated = gateway.get("/api/v1/table-sessions/current", party.token());
        assertThat(seated.status()).as(seated.toString()).isEqualTo(200);
        assertThat(seated.json().path("sessionId").asString()).isEqualTo(party.session());
        assertThat(seated.json().path("tableId").asString()).isEqualTo(tableId);
        Gateway.Reply closed = gateway.delete("/api/v1/tables/" + tableId + "/session", owner);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(204);
        awaitRefused(List.of(party));
        DinerLanding nextParty = DinerLanding.of(Gateway.getAccepting(reprinted, BROWSER));
        assertThat(nextParty.session()).isNotEqualTo(party.session());
        assertThat(gateway.get("/api/v1/table-sessions/current", nextParty.token()).status()).isEqualTo(200);
    }

    @Test
    @Order(13)
    void aDinersOrderReachesTheKitchenOnceAndNoneOfItsEventsIsLostOrDoubledWhenOrderServiceIsKilled() {
        Gateway.Reply signedUp = gateway.post("/api/v1/signup",
                Journeys.signup("gasthaus-zur-post", "owner@gasthaus-zur-post.example"));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
        String location = signedUp.json().path("locationId").asString();
        String owner = accessToken(gateway.post("/api/v1/auth/login", Journeys.login("owner@gasthaus-zur-post.example")));
        publishOneDishMenu(location, owner);
        DinerLanding diner = DinerLanding.of(Gateway.getAccepting(tableCode(location, owner, "Stube", "Tisch 3"),
                BROWSER));

        // a double tap: two submits with the same key place one order
        Gateway.Reply placed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.post("/api/v1/orders", Journeys.order(2), diner.token(), "tap-1"),
                        reply -> reply.status() != 404);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.json().path("total").asLong()).isEqualTo(3780);
        String order = placed.json().path("id").asString();
        Gateway.Reply tappedAgain = gateway.post("/api/v1/orders", Journeys.order(2), diner.token(), "tap-1");
        assertThat(tappedAgain.json().path("id").asString()).isEqualTo(order);

        // the kitchen sees it once, bumps it, and the diner sees it ready
        Gateway.Reply tickets = gateway.get("/api/v1/kitchen/tickets?locationId=" + location + "&station=kitchen", owner);
        assertThat(tickets.status()).as(tickets.toString()).isEqualTo(200);
        assertThat(tickets.json()).hasSize(1);
        assertThat(tickets.json().path(0).path("tableName").asString()).isEqualTo("Tisch 3");
        Gateway.Reply bumped = gateway.post("/api/v1/kitchen/tickets/" + tickets.json().path(0).path("id").asString()
                + "/bump", null, owner);
        assertThat(bumped.status()).as(bumped.toString()).isEqualTo(200);
        assertThat(gateway.get("/api/v1/orders/" + order, diner.token()).json().path("state").asString())
                .isEqualTo("READY");

        // killed mid-flight: a diner is told to try again, and what it had committed but not yet sent is sent once
        fleet.kill(Member.ORDER_SERVICE);
        Gateway.Reply down = gateway.post("/api/v1/orders", Journeys.order(1), diner.token(), "tap-2");
        assertThat(down.status()).as(down.toString()).isEqualTo(503);
        assertThat(down.contentType()).startsWith("application/problem+json");
        EventEnvelope orphan = commitUnpublishedOrderCancelled(UUID.fromString(signedUp.json().path("tenantId")
                .asString()), UUID.fromString(location));
        fleet.restart(Member.ORDER_SERVICE);

        String kafka = fleet.infrastructure().environment().get("UROP_KAFKA_BOOTSTRAP");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(TopicRecords.all(kafka, "order.events")
                .stream().filter(r -> r.value().contains(orphan.eventId().toString())).count()).isOne());
        List<String> ofTheOrder = TopicRecords.all(kafka, "order.events").stream()
                .filter(r -> order.equals(r.key())).map(r -> CODEC.decode(r.value()).type()).toList();
        assertThat(ofTheOrder).containsExactly("order.placed", "ticket.fired", "ticket.bumped", "order.accepted",
                "order.ready");
        assertThat(gateway.post("/api/v1/orders", Journeys.order(1), diner.token(), "tap-3").status()).isEqualTo(201);
    }

    @Test
    @Order(14)
    void aPaidFirstOrderReachesTheKitchenOnceOnlyOncePaidWhateverDiesOrRestartsMeanwhile()
            throws Exception {
        Gateway.Reply signedUp = gateway.post("/api/v1/signup",
                Journeys.signup("cafe-am-ring", "owner@cafe-am-ring.example", "PUBLIC", "PAY_WHEN_ORDERING"));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
        String location = signedUp.json().path("locationId").asString();
        String owner = accessToken(gateway.post("/api/v1/auth/login", Journeys.login("owner@cafe-am-ring.example")));
        publishOneDishMenu(location, owner);

        connectStripe(signedUp.json().path("tenantId").asString(), owner);

        DinerLanding diner = DinerLanding.of(Gateway.getAccepting(tableCode(location, owner, "Terrasse", "Tisch 7"),
                BROWSER));
        Gateway.Reply placed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.post("/api/v1/orders", Journeys.order(1), diner.token(), "pay-1"),
                        reply -> reply.status() != 404 && reply.status() != 409);
        assertThat(placed.json().path("state").asString()).as(placed.toString()).isEqualTo("PENDING_PAYMENT");
        String order = placed.json().path("id").asString();
        String tickets = "/api/v1/kitchen/tickets?locationId=" + location + "&station=kitchen";
        assertThat(gateway.get(tickets, owner).json()).as("nothing unpaid reaches the kitchen").isEmpty();

        // payment-service dies while Stripe is opening the diner's checkout; asked again, it opens the same one
        String checkoutPath = "/api/v1/payments/orders/" + order + "/checkout";
        JdbcTemplate payments = new JdbcTemplate(fleet.infrastructure().adminDataSource("payment"));
        await().atMost(Duration.ofSeconds(30)).until(() -> payments.queryForObject(
                "select count(*) from payments where order_id = ?::uuid", Long.class, order) == 1);
        StripeEmulator stripe = fleet.infrastructure().stripe().orElseThrow();
        stripe.apiLatency(Duration.ofSeconds(3));
        CompletableFuture<Gateway.Reply> opening = CompletableFuture.supplyAsync(
                () -> gateway.post(checkoutPath, "{\"tipPercent\": 10}", diner.token()));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> payments.queryForObject(
                "select checkout_number from payments where order_id = ?::uuid", Integer.class, order) == 1);
        fleet.kill(Member.PAYMENT_SERVICE);
        assertThat(opening.get().status()).as("the diner is told it failed").isGreaterThanOrEqualTo(500);
        stripe.apiLatency(Duration.ZERO);
        fleet.restart(Member.PAYMENT_SERVICE);
        Gateway.Reply checkout = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> gateway.post(checkoutPath, "{\"tipPercent\": 10}", diner.token()),
                        reply -> reply.status() == 200);
        assertThat(checkout.json().path("total").asLong()).isEqualTo(1890 + 189);
        String account = gateway.get("/api/v1/payments/account", owner).json().path("stripeAccountId").asString();
        assertThat(checkoutSessionsAtStripe(account, order)).as("one checkout session at Stripe").hasSize(1);

        // payment-service dies; the diner pays on Stripe's page meanwhile; Stripe's webhook waits for it
        fleet.kill(Member.PAYMENT_SERVICE);
        HttpResponse<String> paid = payOnStripesPage(URI.create(checkout.json().path("url").asString()),
                "4242 4242 4242 4242");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);
        Thread.sleep(2000);
        assertThat(gateway.get(tickets, owner).json()).as("not before payment-service heard of it").isEmpty();
        fleet.restart(Member.PAYMENT_SERVICE);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get(tickets, owner).json().size() == 1);
        String kafka = fleet.infrastructure().environment().get("UROP_KAFKA_BOOTSTRAP");
        assertThat(TopicRecords.all(kafka, "payment.events").stream().filter(r -> r.value().contains(order))
                .map(r -> CODEC.decode(r.value()).type()).toList()).containsExactly("payment.succeeded");
        assertThat(TopicRecords.all(kafka, "order.events").stream().filter(r -> order.equals(r.key()))
                .map(r -> CODEC.decode(r.value()).type()).filter(type -> type.startsWith("ticket.")).toList())
                .as("one ticket, fired once").containsExactly("ticket.fired");
        assertThat(gateway.get("/api/v1/orders/" + order, diner.token()).json().path("state").asString())
                .isEqualTo("PLACED");

        // the next order is placed while payment-service is dead, and paid while order-service is dead and the
        // broker restarts: it is paid once and reaches the kitchen once
        fleet.kill(Member.PAYMENT_SERVICE);
        Gateway.Reply second = gateway.post("/api/v1/orders", Journeys.order(2), diner.token(), "pay-2");
        assertThat(second.json().path("state").asString()).as(second.toString()).isEqualTo("PENDING_PAYMENT");
        String secondOrder = second.json().path("id").asString();
        fleet.restart(Member.PAYMENT_SERVICE);
        // its consumer rejoins the group once the killed one's session timed out (Kafka's 45 s)
        Gateway.Reply secondCheckout = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.post("/api/v1/payments/orders/" + secondOrder + "/checkout", null, diner.token()),
                        reply -> reply.status() != 404);
        assertThat(secondCheckout.status()).as(secondCheckout.toString()).isEqualTo(200);
        fleet.kill(Member.ORDER_SERVICE);
        assertThat(payOnStripesPage(URI.create(secondCheckout.json().path("url").asString()), "4242424242424242")
                .statusCode()).isEqualTo(303);
        await().atMost(Duration.ofSeconds(60)).until(() -> TopicRecords.all(kafka, "payment.events").stream()
                .anyMatch(r -> r.value().contains(secondOrder)));
        fleet.infrastructure().kafka().orElseThrow().restart();
        fleet.restart(Member.ORDER_SERVICE);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get(tickets, owner).json().size() == 2);
        assertThat(TopicRecords.all(kafka, "payment.events").stream().filter(r -> r.value().contains(secondOrder))
                .map(r -> CODEC.decode(r.value()).type()).toList()).containsExactly("payment.succeeded");
        assertThat(TopicRecords.all(kafka, "order.events").stream().filter(r -> secondOrder.equals(r.key()))
                .map(r -> CODEC.decode(r.value()).type()).filter(type -> type.startsWith("ticket.")).toList())
                .as("fired once").containsExactly("ticket.fired");
    }

    @Test
    @Order(16)
    void aKitchenTabletSeesTheNewTicketAndTheDinersPhoneSeesItReadyOverTheirSocketsByEmailAndBySmsInOneTrace()
            throws Exception {
        Restaurant restaurant = restaurantWithOneDishMenu("brauhaus-am-markt");
        String location = restaurant.location();
        String owner = restaurant.owner();
        URI code = tableCode(location, owner, "Saal", "Tisch 5");
        DinerLanding diner = DinerLanding.of(Gateway.getAccepting(code, BROWSER));

        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String order;
        try (Socket tablet = Socket.open(gateway, fleet.gateway(), owner);
                Socket phone = Socket.open(gateway, fleet.gateway(), diner.token())) {
            tablet.subscribe("station:" + location + ":kitchen");
            phone.subscribe("session:" + diner.session());
            Gateway.Reply placed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> gateway.postTraced("/api/v1/orders", Journeys.order(1), diner.token(), "socket-1",
                            "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01"),
                            reply -> reply.status() != 404);
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            order = placed.json().path("id").asString();
            Gateway.Reply contact = gateway.put("/api/v1/notifications/orders/" + order + "/contact", """
                    {"email": "gast@brauhaus.example", "phone": "+436641234567", "language": "de"}""",
                    diner.token());
            assertThat(contact.status()).as(contact.toString()).isEqualTo(200);

            JsonNode fired = tablet.next("ticket.fired");
            assertThat(fired.path("data").path("orderId").asString()).isEqualTo(order);
            assertThat(fired.path("data").path("tableName").asString()).isEqualTo("Tisch 5");
            Gateway.Reply bumped = gateway.post("/api/v1/kitchen/tickets/" + fired.path("data").path("ticketId")
                    .asString() + "/bump", null, owner);
            assertThat(bumped.status()).as(bumped.toString()).isEqualTo(200);
            assertThat(phone.next("order.ready").path("data").path("orderId").asString()).isEqualTo(order);
        }
        assertOneTraceFromTheGatewayThroughKafkaToTheKitchensPush(traceId);
        String reference = order.substring(order.length() - 8).toUpperCase(Locale.ROOT);
        SmsCapture sms = fleet.infrastructure().sms().orElseThrow();
        assertThat(await().atMost(Duration.ofSeconds(60)).until(() -> sms.messagesTo("+436641234567"),
                texts -> !texts.isEmpty())).singleElement().extracting(CapturedSms::body)
                .isEqualTo("brauhaus-am-markt centre: Ihre Bestellung " + reference + " ist fertig. Guten Appetit!");
        assertThat(emailedText("gast@brauhaus.example", "brauhaus-am-markt centre: Ihre Bestellung ist fertig"))
                .contains("Ihre Bestellung " + reference, "1 × ");
    }

    /**
     * The diner's POST through the gateway, the order-service span that wrote the order's and the ticket's events, the
     * spans that took them from Kafka (payment-service's, notification-service's) and the push of the ticket to the
     * kitchen display's socket: one trace, each consumer a child of the span that wrote the event.
     */
    private static void assertOneTraceFromTheGatewayThroughKafkaToTheKitchensPush(String traceId) {
        // each service exports its spans in batches of its own: the trace is whole once the last batch is in
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            List<OtlpReceiver.ReceivedSpan> trace = traces.trace(traceId);
            assertThat(trace).extracting(OtlpReceiver.ReceivedSpan::service)
                    .contains(Member.GATEWAY.id(), Member.ORDER_SERVICE.id(), Member.PAYMENT_SERVICE.id(),
                            Member.NOTIFICATION_SERVICE.id());
            Set<String> orderServiceSpans = trace.stream()
                    .filter(span -> span.service().equals(Member.ORDER_SERVICE.id()))
                    .map(OtlpReceiver.ReceivedSpan::spanId).collect(Collectors.toSet());
            List<OtlpReceiver.ReceivedSpan> taken = trace.stream()
                    .filter(FleetScenario::notificationServiceTookFromKafka).toList();
            assertThat(taken).as("taken from Kafka by notification-service")
                    .anyMatch(consumer -> orderServiceSpans.contains(consumer.parentSpanId()));
            Set<String> takenIds = taken.stream().map(OtlpReceiver.ReceivedSpan::spanId).collect(Collectors.toSet());
            assertThat(trace).as("pushed to the kitchen display's socket").anyMatch(span -> span.name().equals(
                    "push ticket.fired") && takenIds.contains(span.parentSpanId()));
        });
    }

    private static boolean notificationServiceTookFromKafka(OtlpReceiver.ReceivedSpan span) {
        return span.service().equals(Member.NOTIFICATION_SERVICE.id()) && span.kind() == Span.SpanKind.SPAN_KIND_CONSUMER
                && span.messagingSystem().equals("kafka");
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Test
    @Order(17)
    void aDinerOrdersAndPaysFromThePhonesBrowserAndTheKitchenTabletShowsTheTicketBumpsItAndMissesNothingWhileOffline()
            throws Exception {
        Gateway.Reply signedUp = gateway.post("/api/v1/signup",
                Journeys.signup("bistro-du-coin", "owner@bistro-du-coin.example", "PUBLIC", "EITHER"));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
        String location = signedUp.json().path("locationId").asString();
        String owner = accessToken(gateway.post("/api/v1/auth/login", Journeys.login("owner@bistro-du-coin.example")));
        publishMenu(location, owner, "fr", Journeys.bistroMenuDraft());
        connectStripe(signedUp.json().path("tenantId").asString(), owner);
        String code = tableCode(location, owner, "Salle", "Table 4").toString();

        try (Browsers browsers = Browsers.start()) {
            Page kitchen = browsers.tablet("en-GB");
            // each tone the tablet plays is counted: a new ticket chimes twice
            kitchen.addInitScript("""
                    window.uropTones = 0;
                    const start = OscillatorNode.prototype.start;
                    OscillatorNode.prototype.start = function (...args) { window.uropTones++; return start.apply(this, args); };
                    """);
            kitchen.navigate(fleet.gateway().resolve("/kitchen/").toString());
            assertThat(Accessibility.seriousViolations(kitchen)).as("the kitchen's sign-in").isEmpty();
            kitchen.getByLabel("Email").fill("owner@bistro-du-coin.example");
            kitchen.getByLabel("Password").fill(Journeys.PASSWORD);
            kitchen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(kitchen.getByLabel("grill")).isChecked();
            kitchen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show tickets")).click();
            Locator grill = kitchen.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(Pattern.compile("^grill")));
            assertThat(grill).containsText("No open tickets.");

            Page anna = browsers.phone("en-GB");
            anna.navigate(code);
            assertThat(anna).hasURL(Pattern.compile(".*/table$"));
            assertThat(anna.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mains"))).isVisible();
            Browsers.screenshot(anna, "table-menu");
            assertThat(Accessibility.seriousViolations(anna)).as("the menu").isEmpty();

            // a diner who avoids gluten and eats no meat sees only what suits them, and everything again without filters
            Locator burger = anna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                    Pattern.compile("^Bistro burger")));
            Locator risotto = anna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                    Pattern.compile("^Mushroom risotto")));
            Locator steak = anna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                    Pattern.compile("^Steak and fries")));
            Locator gluten = anna.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Avoid"))
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Gluten"));
            Locator vegetarian = anna.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Filters")
                    .setExact(true)).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Vegetarian"));
            anna.getByText("Filters", new Page.GetByTextOptions().setExact(true)).click();
            gluten.click();
            assertThat(burger).isHidden();
            assertThat(steak).isVisible();
            vegetarian.click();
            assertThat(steak).isHidden();
            assertThat(risotto).isVisible();
            assertThat(anna.getByText("Filters (2)", new Page.GetByTextOptions().setExact(true))).isVisible();
            assertThat(Accessibility.seriousViolations(anna)).as("the menu's filters").isEmpty();
            vegetarian.click();
            gluten.click();
            assertThat(steak).isVisible();

            // the menu and a dish's sheet work from the keyboard: Enter opens it, Escape closes it where it was opened
            burger.focus();
            anna.keyboard().press("Enter");
            assertThat(anna.getByRole(AriaRole.DIALOG)).isVisible();
            anna.keyboard().press("Escape");
            assertThat(anna.getByRole(AriaRole.DIALOG)).isHidden();
            assertThat(burger).isFocused();

            burger.click();
            Locator sheet = anna.getByRole(AriaRole.DIALOG);
            sheet.getByLabel("Sweet potato fries").check();
            sheet.getByLabel("Bacon").check();
            sheet.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Bacon: Quantity"))
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("One more")).click();
            sheet.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Quantity").setExact(true))
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("One more")).click();
            sheet.getByLabel("Your name, so the table sees who ordered what").fill("Anna");
            // (17.90 + 2.00 sweet potato fries + 2 x 2.00 bacon) x 2, as the phone prices it
            Locator add = sheet.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add 2 · €47.80"));
            Browsers.screenshot(anna, "table-dish");
            assertThat(Accessibility.seriousViolations(anna)).as("a dish and its choices").isEmpty();
            add.click();

            // the phone loses its connection, finds it again and is reopened: the cart is as it was
            anna.context().setOffline(true);
            Locator reconnecting = anna.getByText("Reconnecting… nothing will be lost.");
            assertThat(reconnecting).isVisible();
            anna.context().setOffline(false);
            assertThat(reconnecting).isHidden();
            anna.reload();
            anna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Cart"))).click();
            assertThat(anna.getByTestId("cart-total")).hasText("€47.80"); // as order-service priced it

            Page ben = browsers.phone("de-DE");
            ben.navigate(code);
            ben.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Warenkorb"))).click();
            assertThat(ben.getByTestId("cart-line")).containsText(new String[] { "Anna" });
            assertThat(ben.getByTestId("cart-total")).hasText("47,80 €");
            Browsers.screenshot(ben, "table-shared-cart");
            assertThat(Accessibility.seriousViolations(ben)).as("the shared cart").isEmpty();

            anna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to the kitchen")).click();
            Locator order = anna.getByTestId("order");
            assertThat(order.getByRole(AriaRole.STATUS)).hasText("Waiting for payment");
            assertThat(grill).containsText("No open tickets.");

            // 47.80 and a 10 % tip, on Stripe's page (the emulator's), then back to the order
            order.getByText("10 %").click();
            order.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pay €52.58")).click();
            payWithTestCard(anna, "Anna Example");
            assertThat(anna).hasURL(Pattern.compile(".*/table/orders/[0-9a-f-]+\\?checkout=paid.*"));
            String annasOrder = anna.url().replaceAll(".*/table/orders/([0-9a-f-]+).*", "$1");
            assertThat(anna.getByRole(AriaRole.ALERT)).hasText("Thank you! Your payment is being confirmed.");
            // once Stripe's webhook has reached payment-service, and order-service has heard of the payment
            assertThat(order.getByRole(AriaRole.STATUS)).hasText("Sent to the kitchen",
                    new LocatorAssertions.HasTextOptions().setTimeout(60_000));
            assertThat(anna.getByRole(AriaRole.ALERT)).hasText("Payment received. Thank you!");

            Locator ticket = grill.getByTestId("ticket");
            assertThat(ticket).containsText(new String[] { "Table 4" });
            assertThat(ticket.getByRole(AriaRole.ALERT)).hasText("⚠ Allergens: Gluten, Milk, Sesame");
            assertThat(kitchen.evaluate("window.uropTones")).as("tones the new ticket played").isEqualTo(2);
            Browsers.screenshot(kitchen, "kitchen-ticket");
            assertThat(Accessibility.seriousViolations(kitchen)).as("the kitchen display").isEmpty();

            // the phone is offline while the kitchen bumps the ticket: back online, it shows the order ready
            anna.context().setOffline(true);
            assertThat(reconnecting).isVisible();
            ticket.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bump Table 4")).click();
            assertThat(grill).containsText("No open tickets.");
            assertThat(order.getByRole(AriaRole.STATUS)).hasText("Sent to the kitchen");
            anna.context().setOffline(false);
            assertThat(order.getByRole(AriaRole.STATUS)).hasText("Ready");
            assertThat(reconnecting).isHidden();

            // bumped too soon: recalled to the grill's screen, and the phone's order is no longer ready, until it is
            // bumped once more
            grill.getByText(Pattern.compile("^Recently bumped")).click();
            grill.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Recall Table 4")).click();
            assertThat(ticket).hasCount(1);
            assertThat(ticket.getByRole(AriaRole.ALERT)).hasText("⚠ Allergens: Gluten, Milk, Sesame");
            assertThat(order.getByRole(AriaRole.STATUS)).hasText("Being prepared");
            ticket.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bump Table 4")).click();
            assertThat(order.getByRole(AriaRole.STATUS)).hasText("Ready");
            assertThat(grill).containsText("No open tickets.");
            Browsers.screenshot(anna, "table-ready");
            assertThat(Accessibility.seriousViolations(anna)).as("the orders").isEmpty();

            // the tablet's Wi-Fi drops for 10 s while two more orders reach the kitchen
            DinerLanding carl = DinerLanding.of(Gateway.getAccepting(URI.create(code), BROWSER));
            kitchen.context().setOffline(true);
            assertThat(kitchen.getByText("Offline: reconnecting… tickets sent meanwhile will appear.")).isVisible();
            for (String dish : List.of(Journeys.RISOTTO, Journeys.CREME_BRULEE)) {
                Gateway.Reply placed = gateway.post("/api/v1/orders", Journeys.tabOrder(dish), carl.token(),
                        "offline-" + dish);
                assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            }
            Thread.sleep(10_000);
            kitchen.context().setOffline(false);
            Locator kitchenStation = kitchen.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(
                    Pattern.compile("^kitchen")));
            Locator pastry = kitchen.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(
                    Pattern.compile("^pastry")));
            assertThat(kitchenStation.getByTestId("ticket")).hasCount(1);
            assertThat(kitchenStation.getByTestId("ticket")).containsText(new String[] { "Risotto aux champignons" });
            assertThat(pastry.getByTestId("ticket")).containsText(new String[] { "Crème brûlée" });
            assertThat(kitchen.getByText("Offline: reconnecting… tickets sent meanwhile will appear.")).isHidden();
            assertThat(kitchen.evaluate("window.uropTones")).as("tones for the tickets sent while offline").isEqualTo(6);

            // Carl's dishes are on the table's tab: Anna pays 10.00 of it, and a 10 % tip
            anna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bill")).click();
            assertThat(anna.getByTestId("bill-remaining")).hasText("€24.40");
            anna.getByLabel("An amount").check();
            anna.getByLabel("Amount", new Page.GetByLabelOptions().setExact(true)).fill("10");
            anna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay €11.00")).click();
            payWithTestCard(anna, "Anna Example");
            assertThat(anna).hasURL(Pattern.compile(".*/table/bill\\?checkout=paid.*"));
            assertThat(anna.getByTestId("bill-remaining")).hasText("€14.40",
                    new LocatorAssertions.HasTextOptions().setTimeout(60_000));
            Browsers.screenshot(anna, "table-bill");
            assertThat(Accessibility.seriousViolations(anna)).as("the table's bill").isEmpty();

            // a two-course order: its dessert is held until the tablet fires it; the pass serves Anna's order, paid: done
            Gateway.Reply coursed = gateway.post("/api/v1/orders", Journeys.twoCourseTabOrder(Journeys.RISOTTO,
                    Journeys.CREME_BRULEE), carl.token(), "two-courses");
            assertThat(coursed.status()).as(coursed.toString()).isEqualTo(201);
            Locator fire = kitchen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                    "Fire course 2: Table 4"));
            assertThat(kitchenStation.getByTestId("ticket")).hasCount(2);
            assertThat(pastry.getByTestId("ticket")).hasCount(1);
            fire.click();
            assertThat(pastry.getByTestId("ticket")).hasCount(2);
            assertThat(fire).isHidden();
            kitchen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change stations")).click();
            kitchen.getByLabel("Expeditor: every order, all stations").check();
            kitchen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show tickets")).click();
            assertThat(kitchen.getByTestId("expedited-order")).hasCount(4);
            Browsers.screenshot(kitchen, "kitchen-expeditor");
            assertThat(Accessibility.seriousViolations(kitchen)).as("the expeditor's view").isEmpty();
            kitchen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Served: Table 4")).click();
            assertThat(kitchen.getByTestId("expedited-order")).hasCount(3);
            anna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Orders")).click();
            assertThat(anna.getByTestId("order").filter(new Locator.FilterOptions().setHasText(Pattern.compile("burger",
                    Pattern.CASE_INSENSITIVE))).getByRole(AriaRole.STATUS)).hasText("Done");

            // the owner looks the order up among the day's orders and gives 5.00 back; the report shows the day
            Page dashboard = browsers.laptop("en-GB");
            dashboard.navigate(fleet.gateway().resolve("/admin/orders").toString());
            dashboard.getByLabel("Email").fill("owner@bistro-du-coin.example");
            dashboard.getByLabel("Password").fill(Journeys.PASSWORD);
            dashboard.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            dashboard.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Past orders")).click();
            assertThat(dashboard.getByText("4 orders found")).isVisible();
            assertThat(Accessibility.seriousViolations(dashboard)).as("the past orders").isEmpty();
            String reference = annasOrder.substring(annasOrder.length() - 8).toUpperCase(Locale.ROOT);
            dashboard.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Details of order " + reference))
                    .click();
            Locator details = dashboard.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Order " + reference));
            assertThat(details.getByTestId("payment")).containsText("Paid€52.58");
            details.getByLabel("Amount to refund (EUR)").fill("5");
            details.getByLabel("Reason").fill("The fries came cold");
            assertThat(Accessibility.seriousViolations(dashboard)).as("an order and its refund").isEmpty();
            details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Refund")).click();
            assertThat(details.getByRole(AriaRole.STATUS)).hasText("Refund of €5.00 sent to Stripe.");
            assertThat(details.getByText("The fries came cold")).isVisible();
            assertThat(details.getByText("Up to €47.58 can still be refunded.")).isVisible();
            Browsers.screenshot(dashboard, "admin-order");
            details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();

            dashboard.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reports")).click();
            Locator totals = dashboard.getByTestId("report-totals");
            assertThat(totals).containsText("Sales€96.60");
            assertThat(totals).containsText("Orders4");
            assertThat(dashboard.getByTestId("popular-dishes").getByRole(AriaRole.LISTITEM).first())
                    .containsText("Burger du bistro");
            assertThat(dashboard.getByTestId("prep-times")).containsText("grill");
            assertThat(dashboard.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Sales by day"))
                    .getByRole(AriaRole.LISTITEM, new Locator.GetByRoleOptions().setName(Pattern.compile(
                            ": €96\\.60 · 4 orders$")))).hasCount(1);
            Browsers.screenshot(dashboard, "admin-reports");
            assertThat(Accessibility.seriousViolations(dashboard)).as("the reports").isEmpty();

            // the location's live orders: one placed now shows without a reload
            dashboard.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Orders")).click();
            assertThat(dashboard.getByRole(AriaRole.STATUS)).hasText("Live");
            Gateway.Reply mousse = gateway.post("/api/v1/orders", Journeys.tabOrder(Journeys.CHOCOLATE_MOUSSE),
                    carl.token(), "live-mousse");
            assertThat(mousse.status()).as(mousse.toString()).isEqualTo(201);
            assertThat(dashboard.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(
                    "1× Mousse au chocolat"))).containsText(new String[] { "Table 4" });
        }
    }

    @Test
    @Order(18)
    void aRestaurantSignsUpBuildsAndPublishesItsMenuSetsATableAndADinersOpenMenuFollowsItsChanges() throws Exception {
        try (Browsers browsers = Browsers.start()) {
            Page admin = browsers.laptop("en-GB");
            admin.navigate(fleet.gateway().resolve("/admin/").toString());
            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New restaurant? Create an account")).click();
            admin.getByLabel("Restaurant (organisation) name").fill("La Table Ronde");
            admin.getByLabel("Address on urop").fill("la-table-ronde");
            admin.getByLabel("First location's name").fill("La Table Ronde, Lyon");
            admin.getByLabel("Street and number").fill("12 rue Mercière");
            admin.getByLabel("Postal code").fill("69002");
            admin.getByLabel("City").fill("Lyon");
            admin.getByLabel("Country (two letters, e.g. FR)").fill("FR");
            admin.getByLabel("Your name").fill("Camille Martin");
            admin.getByLabel("Email").fill("owner@la-table-ronde.example");
            admin.getByLabel("Password (at least 12 characters)").fill(Journeys.PASSWORD);
            assertThat(Accessibility.seriousViolations(admin)).as("the sign-up").isEmpty();
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create your restaurant's account")).click();

            // tenant-service tells menu-service of the new location a moment after the sign-up
            admin.getByLabel("Menu name").fill("La carte");
            admin.getByLabel("Language of the menu").fill("fr");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the menu")).click();
                assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("La carte"))).isVisible();
            });
            admin.getByLabel("Category name").fill("Desserts");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a category")).click();
            addDish(admin, "Desserts", "Tarte Tatin", "8,50", "Milk", "Gluten");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
            assertThat(admin.getByRole(AriaRole.STATUS)).hasText("Version 1 is live.");
            Browsers.screenshot(admin, "admin-menu");
            assertThat(Accessibility.seriousViolations(admin)).as("the menu editor").isEmpty();

            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tables and QR codes")).click();
            admin.getByLabel("Area name").fill("Salle");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add an area")).click();
            admin.getByLabel("Table name").fill("Table 9");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a table")).click();
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("QR code")).click();
            assertThat(admin.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("QR code of Table 9"))).isVisible();
            Browsers.screenshot(admin, "admin-tables");
            assertThat(Accessibility.seriousViolations(admin)).as("the tables and their codes").isEmpty();
            // the code downloads as a picture to print, and every code of the location as one printable sheet
            Download qr = admin.waitForDownload(() -> admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("QR code of Table 9")).click());
            assertThat(qr.suggestedFilename()).isEqualTo("Table 9.png");
            BufferedImage qrPicture = ImageIO.read(qr.createReadStream());
            assertThat(qrPicture.getWidth()).isEqualTo(qrPicture.getHeight()).isBetween(100, 320);
            AtomicReference<byte[]> pdf = new AtomicReference<>();
            admin.route("**/api/v1/tables/qr-sheet.pdf?*", route -> {
                APIResponse answer = route.fetch();
                pdf.set(answer.body());
                route.fulfill(new Route.FulfillOptions().setResponse(answer));
            });
            Page sheet = admin.waitForPopup(() -> admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName("Printable sheet of every code (PDF)")).click());
            assertThat(sheet.url()).startsWith("blob:");
            assertThat(new String(pdf.get(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            admin.unrouteAll();

            String owner = accessToken(gateway.post("/api/v1/auth/login", Journeys.login("owner@la-table-ronde.example")));
            JsonNode tables = gateway.get("/api/v1/tables?locationId=" + gateway.get("/api/v1/tenants/"
                    + Gateway.claim(owner, "tid") + "/locations", owner).json().path("items").get(0).path("id").asString(),
                    owner).json();
            String code = gateway.get("/api/v1/tables/" + tables.path("items").get(0).path("id").asString() + "/qr-code",
                    owner).json().path("scanUrl").asString();
            Page diner = browsers.phone("en-GB");
            diner.navigate(code);
            Locator desserts = diner.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Desserts"));
            Locator tatin = desserts.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(
                    Pattern.compile("^Tarte Tatin")));
            assertThat(tatin).containsText("€8.50");
            assertThat(tatin).containsText("Contains: Gluten, Milk");

            // the diner's open menu learns of each change by itself
            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Menu")).click();
            addDish(admin, "Desserts", "Crêpe Suzette", "9", "Eggs", "Milk");
            // whipped cream as an optional extra, and the name in English
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit Crêpe Suzette")).click();
            Locator crepe = admin.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Crêpe Suzette"));
            crepe.getByText("Translations").click();
            crepe.getByLabel("Name (EN)").fill("Crêpe Suzette (orange butter, flambéed)");
            crepe.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a choice (side, extras…)"))
                    .click();
            crepe.getByLabel("Question (e.g. Choose your side)").fill("Extras");
            crepe.getByLabel("At least").fill("0");
            crepe.getByLabel("Option", new Locator.GetByLabelOptions().setExact(true)).fill("Chantilly");
            crepe.getByLabel("Extra price (EUR)").fill("1,50");
            // a double helping of it, at its own price
            crepe.getByLabel("Diners may ask for an option without it, light, extra or on the side").check();
            crepe.getByLabel("Extra (EUR)", new Locator.GetByLabelOptions().setExact(true)).fill("2,50");
            // its picture, shown as soon as it is stored (from the S3 endpoint, which the apps' policy admits)
            crepe.getByLabel("Add a picture").setInputFiles(new FilePayload("crepe.png", "image/png", picture()));
            admin.waitForFunction("img => img.complete && img.naturalWidth > 0", crepe.getByRole(AriaRole.IMG,
                    new Locator.GetByRoleOptions().setName("Picture of Crêpe Suzette")).elementHandle());
            // and a choice the Chantilly opens in turn
            crepe.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a choice to Chantilly"))
                    .click();
            Locator flavour = crepe.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Choice 1")
                    .setExact(true));
            flavour.getByLabel("At least").fill("0");
            flavour.getByLabel("Option", new Locator.GetByLabelOptions().setExact(true)).fill("Grand Marnier");
            flavour.getByLabel("Question (e.g. Choose your side)").fill("Flavour");
            crepe.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(admin.getByRole(AriaRole.STATUS)).hasText("Draft saved.");
            assertThat(admin.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Changes not yet live")))
                    .containsText("Added dish Crêpe Suzette");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
            assertThat(admin.getByRole(AriaRole.STATUS)).hasText("Version 2 is live.");
            assertThat(admin.getByText("The draft is the live version.")).isVisible();
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("What version 2 changed")).click();
            assertThat(admin.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("What version 2 changed")))
                    .containsText("Added dish Crêpe Suzette");
            // menu-service's caches may serve the last version for up to 5 s
            Locator crepeOnThePhone = desserts.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(
                    Pattern.compile("^Crêpe Suzette")));
            assertThat(crepeOnThePhone).containsText("€9.00", new LocatorAssertions.ContainsTextOptions()
                    .setTimeout(15_000));
            crepeOnThePhone.scrollIntoViewIfNeeded();
            diner.waitForFunction("img => img.complete && img.naturalWidth > 0",
                    crepeOnThePhone.locator("img").elementHandle());

            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sold out (86)")).click();
            admin.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName(Pattern.compile("Tarte Tatin$"))).click();
            assertThat(tatin).containsText("Sold out");
            assertThat(tatin).isDisabled();
            assertThat(Accessibility.seriousViolations(admin)).as("the dishes sold out").isEmpty();
            tatin.scrollIntoViewIfNeeded();
            Browsers.screenshot(diner, "table-sold-out");

            // the diner calls for a waiter; the owner, on the location's live orders, is told where to go
            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Orders")).click();
            assertThat(admin.getByRole(AriaRole.STATUS)).hasText("Live");
            diner.getByText("Call staff").click();
            diner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("A waiter, please")).click();
            assertThat(diner.getByRole(AriaRole.ALERT)).hasText("Staff have been told: someone is on the way.");
            assertThat(Accessibility.seriousViolations(diner)).as("the call for staff").isEmpty();
            assertThat(admin.getByTestId("call")).containsText("Table 9 asks for a waiter");
            Browsers.screenshot(admin, "admin-call");

            // the owner sets the opening hours, and pauses diners' orders in one tap: the phone is told to ask staff
            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings")).click();
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add opening hours")).click();
            Locator firstPeriod = admin.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(
                    "Opening period 1"));
            firstPeriod.getByLabel("Day").selectOption("SATURDAY");
            firstPeriod.getByLabel("Closes").fill("15:00");
            Locator theLocation = admin.locator("form", new Page.LocatorOptions().setHas(admin.getByRole(
                    AriaRole.HEADING, new Page.GetByRoleOptions().setName("The location"))));
            theLocation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(theLocation.getByRole(AriaRole.STATUS)).hasText("Saved.");
            admin.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName("Diners may order from their phones"))
                    .click();
            assertThat(admin.getByText("Online ordering is paused: staff still take orders.")).isVisible();
            // and caps what diners may order in each 15 minutes
            Locator pacing = admin.locator("form", new Page.LocatorOptions().setHas(admin.getByLabel("Orders per slot")));
            pacing.getByLabel("Orders per slot").fill("12");
            pacing.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(admin.getByText("Pacing saved.")).isVisible();
            Browsers.screenshot(admin, "admin-settings");
            assertThat(Accessibility.seriousViolations(admin)).as("the settings").isEmpty();
            admin.reload();
            assertThat(admin.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Opening period 1"))
                    .getByLabel("Closes")).hasValue("15:00");
            assertThat(admin.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName(
                    "Diners may order from their phones"))).not().isChecked();
            assertThat(admin.getByLabel("Orders per slot")).hasValue("12");

            desserts.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(
                    Pattern.compile("^Crêpe Suzette \\(orange butter"))).click();
            Locator crepeSheet = diner.getByRole(AriaRole.DIALOG);
            crepeSheet.getByLabel(Pattern.compile("^Chantilly")).check();
            assertThat(crepeSheet.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add 1 · €10.50")))
                    .isVisible();
            crepeSheet.getByLabel("Chantilly: how").selectOption("EXTRA");
            assertThat(crepeSheet.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName(
                    Pattern.compile("^Flavour")))).containsText("Grand Marnier");
            crepeSheet.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add 1 · €11.50")).click();
            diner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Cart"))).click();
            diner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to the kitchen")).click();
            assertThat(diner.getByText("The kitchen is not taking orders from the table right now: please ask the "
                    + "staff")).isVisible();

            // the owner invites a cook, who joins from the email, resets the password at once and signs in on a tablet
            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Staff")).click();
            Locator invite = admin.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Invite"));
            invite.getByLabel("Email").fill("chef@la-table-ronde.example");
            invite.getByLabel("Role").selectOption("KITCHEN");
            invite.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Invite")).click();
            assertThat(admin.getByRole(AriaRole.STATUS)).hasText("An invitation was emailed to chef@la-table-ronde.example.");
            Page chef = browsers.tablet("en-GB");
            chef.navigate(emailedLink("chef@la-table-ronde.example", "Join La Table Ronde on urop"));
            chef.getByLabel("Your name").fill("Jules Petit");
            chef.getByLabel("Password (at least 12 characters)").fill(Journeys.PASSWORD);
            chef.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
            assertThat(chef.getByRole(AriaRole.STATUS)).hasText("Done: sign in with your email and password.");
            chef.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?")).click();
            chef.getByLabel("Email").fill("chef@la-table-ronde.example");
            chef.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me a link")).click();
            assertThat(chef.getByRole(AriaRole.STATUS)).containsText("a link to set a new password is on its way");
            assertThat(Accessibility.seriousViolations(chef)).as("asking for a new password").isEmpty();
            chef.navigate(emailedLink("chef@la-table-ronde.example", "Set a new password for urop"));
            chef.getByLabel("Password (at least 12 characters)").fill("a-new-password-for-jules");
            chef.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(chef.getByRole(AriaRole.STATUS)).hasText("Done: sign in with your email and password.");
            chef.navigate(fleet.gateway().resolve("/kitchen/").toString());
            chef.getByLabel("Email").fill("chef@la-table-ronde.example");
            chef.getByLabel("Password").fill("a-new-password-for-jules");
            chef.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(chef.getByLabel("pastry")).isVisible();

            admin.reload();
            admin.getByLabel("Role of Jules Petit").selectOption("STAFF");
            assertThat(admin.getByRole(AriaRole.STATUS)).hasText(
                    "Jules Petit's role changed: they sign in again to use it.");
            assertThat(admin.getByLabel("Role of Jules Petit")).hasValue("STAFF");
            assertThat(Accessibility.seriousViolations(admin)).as("the staff").isEmpty();

            // the owner connects the restaurant's Stripe account through Stripe's onboarding
            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Payments")).click();
            assertThat(admin.getByTestId("payment-account")).hasText(
                    "No Stripe account is connected: diners pay at the counter.");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                    "Connect the restaurant's Stripe account")).click();
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete onboarding")).click();
            assertThat(admin).hasURL(Pattern.compile(".*/admin/payments\\?onboarding=done$"));
            assertThat(admin.getByTestId("payment-account")).hasText("The restaurant's Stripe account takes payments: "
                    + "diners can pay from their phones.", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
            assertThat(Accessibility.seriousViolations(admin)).as("the payments").isEmpty();

            // the owner takes the menu back to its first version: the diner's open menu loses the crêpe by itself
            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Menu")).click();
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Restore to the draft: version 1")).click();
            assertThat(admin.getByText("Version 1's menu is live again, as version 3, and in the draft.")).isVisible();
            diner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu").setExact(true)).click();
            assertThat(tatin).isVisible();
            assertThat(crepeOnThePhone).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(15_000));

            // and opens a second restaurant in another town
            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings")).click();
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open another location")).click();
            Locator second = admin.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Open another location"));
            second.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("La Table Ronde, Villeurbanne");
            second.getByLabel("Street and number").fill("3 cours Émile Zola");
            second.getByLabel("Postal code").fill("69100");
            second.getByLabel("City").fill("Villeurbanne");
            second.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(admin.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Location"))
                    .getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("La Table Ronde, Villeurbanne")
                            .setSelected(true))).hasCount(1);
            JsonNode locations = gateway.get("/api/v1/tenants/" + Gateway.claim(owner, "tid") + "/locations", owner).json();
            assertThat(locations.path("items").valueStream()
                    .map(location -> location.path("details").path("address").path("city").asString()))
                    .containsExactlyInAnyOrder("Lyon", "Villeurbanne");
        }
    }

    /** A diner pays on Stripe's hosted page (the emulator's) with the test card that succeeds. */
    /** What the alert rules shipped with the chart read, and the fleet's business figures, as Prometheus scrapes them. */
    @Test
    @Order(19)
    void everyMetricTheAlertRulesReadIsExportedAndTheBusinessFiguresCountWhatHappened() throws IOException {
        StringBuilder scraped = new StringBuilder();
        for (Member member : Member.routed()) {
            FleetProcess process = fleet.process(member);
            Gateway.Reply metrics = Gateway.getAccepting(process.managementUrl().resolve("/actuator/prometheus"),
                    "text/plain");
            assertThat(metrics.status()).as(member.id()).isEqualTo(200);
            scraped.append(metrics.response().body());
        }
        Gateway.Reply gatewayMetrics = Gateway.getAccepting(fleet.process(Member.GATEWAY).managementUrl()
                .resolve("/actuator/prometheus"), "text/plain");
        scraped.append(gatewayMetrics.response().body());
        String exported = scraped.toString();

        Matcher read = Pattern.compile("\\b(?:urop|http_server_requests|kafka_consumer)_[a-z_]+").matcher(
                Files.readString(Path.of("../helm/urop/templates/monitoring.yaml")));
        List<String> metrics = read.results().map(MatchResult::group).distinct().toList();
        assertThat(metrics).contains("http_server_requests_seconds_bucket", "kafka_consumer_fetch_manager_records_lag",
                "urop_outbox_lag_seconds", "urop_outbox_parked_total");
        for (String metric : metrics) {
            assertThat(exported).as(metric + " is exported").containsPattern("(?m)^" + metric + "\\{");
        }
        assertThat(exported).as("the orders placed in the scenarios").containsPattern(
                "(?m)^urop_events_published_total\\{application=\"order-service\",type=\"order.placed\"} [1-9]");
        assertThat(exported).as("the payments taken").containsPattern(
                "(?m)^urop_events_published_total\\{application=\"payment-service\",type=\"payment.succeeded\"} [1-9]");
        assertThat(exported).as("the pushes to kitchens and phones").containsPattern(
                "(?m)^urop_pushes_total\\{application=\"notification-service\"} [1-9]");
        assertThat(exported).as("the orders pacing turned away").containsPattern(
                "(?m)^urop_pacing_refusals_total\\{application=\"order-service\",reason=\"paused\"} [1-9]");
    }

    /**
     * A rolling update of order-service with two instances, under a counter's steady orders: a client that retries
     * what it is told to retry later (503, with the same Idempotency-Key) gets every order placed exactly once, and
     * every order's event reaches Kafka.
     */
    @Test
    @Order(20)
    void aRollingRestartOfOrderServiceUnderLoadLosesNoOrderAndNoEvent() throws Exception {
        Restaurant restaurant = restaurantWithOneDishMenu("zum-wechsel");
        String location = restaurant.location();
        String owner = restaurant.owner();
        String counterOrder = """
                {"locationId": "%s", "channel": "COUNTER",
                 "lines": [{"itemId": "0190b000-0000-7000-8000-000000000101", "quantity": 1}]}""".formatted(location);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> gateway.post(
                "/api/v1/orders", counterOrder, owner, "rolling-menu-known").status(), status -> status == 201);
        fleet.addInstance(Member.ORDER_SERVICE);

        List<Integer> answers = new CopyOnWriteArrayList<>();
        List<String> placed = new CopyOnWriteArrayList<>();
        AtomicBoolean rolling = new AtomicBoolean(true);
        CompletableFuture<Void> counter = CompletableFuture.runAsync(() -> {
            for (int n = 0; rolling.get(); n++) {
                placed.add(placeRetryingWhenToldTo(counterOrder, owner, "rolling-" + n, answers));
                pause(Duration.ofMillis(200));
            }
        });
        fleet.rollingRestart(Member.ORDER_SERVICE);
        rolling.set(false);
        counter.join();

        assertThat(answers).as("placed, or asked to retry later").allMatch(status -> status == 201 || status == 503);
        assertThat(placed).hasSizeGreaterThan(100).doesNotHaveDuplicates();
        String kafka = fleet.infrastructure().environment().get("UROP_KAFKA_BOOTSTRAP");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Set<String> published = TopicRecords.all(kafka, "order.events").stream()
                    .filter(record -> CODEC.decode(record.value()).type().equals("order.placed"))
                    .map(record -> record.key()).collect(Collectors.toSet());
            assertThat(published).as("every order's event").containsAll(placed);
        });
        System.out.printf("rolling restart: %d orders placed, %d answers of which %d asked to retry%n", placed.size(),
                answers.size(), answers.stream().filter(status -> status == 503).count());
    }

    /** A till's client: a 503 says "try again later", so it does, with the same key; anything else is an answer. */
    private static String placeRetryingWhenToldTo(String order, String token, String idempotencyKey,
            List<Integer> answers) {
        for (int attempt = 1; attempt <= 20; attempt++) {
            Gateway.Reply reply = gateway.post("/api/v1/orders", order, token, idempotencyKey);
            answers.add(reply.status());
            if (reply.status() != 503) {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
                return reply.json().path("id").asString();
            }
            assertThat(reply.header("Retry-After")).as(reply.toString()).isNotBlank();
            pause(Duration.ofMillis(500));
        }
        throw new AssertionError(idempotencyKey + " was refused for ten seconds");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void payWithTestCard(Page phone, String name) {
        phone.getByLabel("Card number").fill("4242 4242 4242 4242");
        phone.getByLabel("Expiration date (MM / YY)").fill("12 / 34");
        phone.getByLabel("Security code (CVC)").fill("123");
        phone.getByLabel("Name on card").fill(name);
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Pay"))).click();
    }

    /** The owner adds a dish to a category of the menu in the dashboard's editor, and saves the draft. */
    private static void addDish(Page admin, String category, String name, String price, String... allergens) {
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a dish: " + category)).click();
        Locator form = admin.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Add a dish"));
        form.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill(name);
        form.getByLabel("Price (EUR)").fill(price);
        form.getByLabel("Station").fill("pastry");
        for (String allergen : allergens) {
            form.getByLabel(allergen, new Locator.GetByLabelOptions().setExact(true)).check();
        }
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(admin.getByRole(AriaRole.STATUS)).hasText("Draft saved.");
    }

    /**
     * The owner connects the restaurant's own Stripe account and finishes Stripe's onboarding, and order-service
     * learns it: until then its diners would be sent to pay at the counter.
     */
    /** A dish's photo as a phone takes one: 640 × 480 pixels, in PNG. */
    private static byte[] picture() {
        BufferedImage photo = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D paint = photo.createGraphics();
        paint.setColor(new Color(0xE8, 0xB0, 0x4A));
        paint.fillOval(80, 40, 480, 400);
        paint.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(photo, "png", png);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static void connectStripe(String tenantId, String owner) {
        Gateway.Reply link = gateway.post("/api/v1/payments/account/onboarding-links", null, owner);
        assertThat(link.status()).as(link.toString()).isEqualTo(200);
        StripeEmulator stripe = fleet.infrastructure().stripe().orElseThrow();
        stripe.completeOnboarding(gateway.get("/api/v1/payments/account", owner).json().path("stripeAccountId")
                .asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.get("/api/v1/payments/account", owner).json()
                .path("takesPayments").asBoolean());
        JdbcTemplate orders = new JdbcTemplate(fleet.infrastructure().adminDataSource("orders"));
        await().atMost(Duration.ofSeconds(30)).until(() -> orders.queryForObject(
                "select count(*) from online_payments where tenant_id = ?::uuid and takes_payments", Long.class,
                tenantId) == 1);
    }

    @Test
    @Order(15)
    void aTableSplitsItsBillByWhatEachHadAndItsTabClosesOnceWhateverDiesMeanwhile() throws Exception {
        Restaurant restaurant = restaurantWithOneDishMenu("weinstube-am-eck");
        String location = restaurant.location();
        String owner = restaurant.owner();
        connectStripe(restaurant.tenantId(), owner);
        URI code = tableCode(location, owner, "Keller", "Tisch 2");
        DinerLanding anna = DinerLanding.of(Gateway.getAccepting(code, BROWSER));
        DinerLanding ben = DinerLanding.of(Gateway.getAccepting(code, BROWSER));
        assertThat(ben.session()).isEqualTo(anna.session());

        // each orders on the table's tab
        Gateway.Reply annas = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.post("/api/v1/orders", Journeys.order(1), anna.token(), "anna-1"),
                        reply -> reply.status() != 404);
        assertThat(annas.json().path("state").asString()).as(annas.toString()).isEqualTo("PLACED");
        Gateway.Reply bens = gateway.post("/api/v1/orders", Journeys.order(2), ben.token(), "ben-1");
        assertThat(bens.status()).as(bens.toString()).isEqualTo(201);

        // each sees the table's items, priced as the orders were, and pays for its own with a tip
        String items = "/api/v1/payments/table-session/bill/items";
        Gateway.Reply listed = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> gateway.get(items, anna.token()), reply -> reply.status() == 200
                        && reply.json().size() == 2);
        String annasLine = lineOf(listed, annas.json().path("id").asString());
        String bensLine = lineOf(listed, bens.json().path("id").asString());
        Gateway.Reply annasShare = gateway.post("/api/v1/payments/table-session/shares",
                "{\"lineIds\": [\"" + annasLine + "\"], \"tipPercent\": 10}", anna.token(), "share-anna");
        assertThat(annasShare.status()).as(annasShare.toString()).isEqualTo(201);
        assertThat(annasShare.json().path("total").asLong()).isEqualTo(1890 + 189);
        Gateway.Reply taken = gateway.post("/api/v1/payments/table-session/shares",
                "{\"lineIds\": [\"" + annasLine + "\"]}", ben.token(), "share-ben-0");
        assertThat(taken.status()).as("Anna's item is hers to pay: " + taken).isEqualTo(409);
        assertThat(payOnStripesPage(URI.create(annasShare.json().path("url").asString()), "4242424242424242")
                .statusCode()).isEqualTo(303);
        Gateway.Reply bensShare = gateway.post("/api/v1/payments/table-session/shares",
                "{\"lineIds\": [\"" + bensLine + "\"]}", ben.token(), "share-ben");
        assertThat(bensShare.status()).as(bensShare.toString()).isEqualTo(201);
        assertThat(bensShare.json().path("amount").asLong()).isEqualTo(3780);

        // Ben pays the last share while payment-service and order-service are both dead
        fleet.kill(Member.PAYMENT_SERVICE);
        fleet.kill(Member.ORDER_SERVICE);
        assertThat(payOnStripesPage(URI.create(bensShare.json().path("url").asString()), "4242424242424242")
                .statusCode()).isEqualTo(303);
        fleet.restart(Member.PAYMENT_SERVICE);
        String kafka = fleet.infrastructure().environment().get("UROP_KAFKA_BOOTSTRAP");
        await().atMost(Duration.ofSeconds(90)).until(() -> !settlementsOf(kafka, anna.session()).isEmpty());
        fleet.restart(Member.ORDER_SERVICE);

        // the tab is settled once, both orders are paid, and the party's session is over
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> "SETTLED".equals(
                gateway.get("/api/v1/orders/tabs/" + anna.session(), owner).json().path("state").asString()));
        Gateway.Reply tab = gateway.get("/api/v1/orders/tabs/" + anna.session(), owner);
        assertThat(tab.json().path("paid").asLong()).as(tab.toString()).isEqualTo(1890 + 3780);
        assertThat(tab.json().path("balance").asLong()).isZero();
        for (Gateway.Reply order : List.of(annas, bens)) {
            assertThat(gateway.get("/api/v1/orders/" + order.json().path("id").asString(), owner).json()
                    .path("paidWith").asString()).isEqualTo("TAB");
        }
        List<TableBillSettled> settled = settlementsOf(kafka, anna.session());
        assertThat(settled).as("settled once").hasSize(1);
        assertThat(settled.get(0).paid()).isEqualTo(1890 + 3780);
        awaitRefused(List.of(anna, ben));
    }

    /** The checkout sessions Stripe holds for an order, as the restaurant's account lists them. */
    private static List<String> checkoutSessionsAtStripe(String account, String order) throws Exception {
        StripeEmulator stripe = fleet.infrastructure().stripe().orElseThrow();
        HttpResponse<String> listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stripe.baseUrl() + "/v1/checkout/sessions?limit=100"))
                .header("Authorization", "Bearer " + stripe.apiKey()).header("Stripe-Account", account).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        List<String> sessions = new ArrayList<>();
        Gateway.JSON.readTree(listed.body()).path("data").forEach(session -> {
            if (order.equals(session.path("metadata").path("order_id").asString())) {
                sessions.add(session.path("id").asString());
            }
        });
        return sessions;
    }

    /** A person paying on the hosted checkout page: the form as a browser posts it. */
    private static HttpResponse<String> payOnStripesPage(URI page, String card) throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(browser.send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body()).contains("Pay");
        String form = "card_number=" + URLEncoder.encode(card, StandardCharsets.UTF_8)
                + "&card_expiry=" + URLEncoder.encode("12 / 34", StandardCharsets.UTF_8)
                + "&card_cvc=123&cardholder_name=Anna";
        return browser.send(HttpRequest.newBuilder(page).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The id of the one item of the table's bill that is the order's. */
    private static String lineOf(Gateway.Reply items, String order) {
        List<String> lines = new ArrayList<>();
        items.json().forEach(item -> {
            if (order.equals(item.path("orderId").asString())) {
                lines.add(item.path("lineId").asString());
            }
        });
        assertThat(lines).as(items.toString()).hasSize(1);
        return lines.get(0);
    }

    private static List<TableBillSettled> settlementsOf(String kafka, String tableSession) {
        return TopicRecords.all(kafka, "payment.events").stream().filter(r -> tableSession.equals(r.key()))
                .map(r -> CODEC.decode(r.value())).filter(event -> "payment.table-bill-settled".equals(event.type()))
                .map(event -> CODEC.payload(event, TableBillSettled.class)).toList();
    }

    /** An ended session's diners: the gateway refuses their tokens within seconds. */
    private static void awaitRefused(List<DinerLanding> diners) {
        for (DinerLanding diner : diners) {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                Gateway.Reply refused = gateway.get("/api/v1/table-sessions/current", diner.token());
                assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            });
        }
    }

    /** The scan URL of a new table in a new area of the location (qr-service learns of the location a moment after it). */
    private static URI tableCode(String location, String owner, String areaName, String tableName) {
        Gateway.Reply area = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.post("/api/v1/areas", Journeys.area(location, areaName), owner),
                        reply -> reply.status() != 404);
        assertThat(area.status()).as(area.toString()).isEqualTo(201);
        Gateway.Reply table = gateway.post("/api/v1/tables",
                Journeys.table(location, area.json().path("id").asString(), tableName), owner);
        assertThat(table.status()).as(table.toString()).isEqualTo(201);
        return URI.create(gateway.get("/api/v1/tables/" + table.json().path("id").asString() + "/qr-code", owner)
                .json().path("scanUrl").asString());
    }

    /** The owner publishes a menu of one dish at the location (menu-service learns of it from its event). */
    /** A restaurant signed up through the gateway, its owner signed in, its one-dish menu published. */
    private static Restaurant restaurantWithOneDishMenu(String slug) {
        String email = "owner@" + slug + ".example";
        Gateway.Reply signedUp = gateway.post("/api/v1/signup", Journeys.signup(slug, email));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
        Restaurant restaurant = new Restaurant(signedUp.json().path("tenantId").asString(),
                signedUp.json().path("locationId").asString(),
                accessToken(gateway.post("/api/v1/auth/login", Journeys.login(email))));
        publishOneDishMenu(restaurant.location(), restaurant.owner());
        return restaurant;
    }

    private record Restaurant(String tenantId, String location, String owner) {
    }

    private static void publishOneDishMenu(String location, String owner) {
        publishMenu(location, owner, "de", Journeys.menuDraft());
    }

    private static void publishMenu(String location, String owner, String language, String draft) {
        Gateway.Reply created = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.post("/api/v1/menus", Journeys.newMenu(location, language), owner),
                        reply -> reply.status() != 404);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String menuId = created.json().path("id").asString();
        Gateway.Reply drafted = gateway.put("/api/v1/menus/" + menuId + "/draft", draft, owner);
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(200);
        Gateway.Reply published = gateway.post("/api/v1/menus/" + menuId + "/versions", null, owner);
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        // order-service keeps its own copy, which it will price the location's orders from
        JdbcTemplate orders = new JdbcTemplate(fleet.infrastructure().adminDataSource("orders"));
        await().atMost(Duration.ofSeconds(30)).until(() -> orders.queryForObject(
                "select count(*) from location_menus where location_id = ?::uuid and menu_id = ?::uuid", Long.class,
                location, menuId) == 1);
    }

    private static String accessToken(Gateway.Reply login) {
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.json().path("accessToken").asString();
    }

    /** The link in the one email of that subject the address received. */
    private static String emailedLink(String email, String subject) throws Exception {
        Matcher link = Pattern.compile("https?://\\S+").matcher(emailedText(email, subject));
        assertThat(link.find()).as("a link in the email").isTrue();
        return link.group();
    }

    /** The text of the one email of that subject the address received. */
    private static String emailedText(String email, String subject) throws Exception {
        SmtpServer smtp = fleet.infrastructure().smtp().orElseThrow();
        List<MimeMessage> emails = await().atMost(Duration.ofSeconds(60))
                .until(() -> withSubject(messagesTo(smtp, email), subject), found -> !found.isEmpty());
        assertThat(emails).hasSize(1);
        return (String) emails.get(0).getContent();
    }

    private static List<MimeMessage> withSubject(List<MimeMessage> emails, String subject) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage email : emails) {
            if (subject.equals(email.getSubject())) {
                found.add(email);
            }
        }
        return found;
    }

    private static List<MimeMessage> messagesTo(SmtpServer smtp, String email) throws MessagingException {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage message : smtp.receivedMessages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(email)) {
                to.add(message);
            }
        }
        return to;
    }

    private static void awaitKnownOnce(UUID tenant) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(authDb.queryForObject(
                "select count(*) from known_tenants where tenant_id = ?", Long.class, tenant)).isOne());
    }

    /** An {@code order.cancelled} committed to order-service's outbox, as a transaction that then crashed left it. */
    private static EventEnvelope commitUnpublishedOrderCancelled(UUID tenant, UUID location) {
        UUID order = UUID.randomUUID();
        EventEnvelope envelope = CODEC.envelope(new OrderCancelled(order, tenant, location, null,
                OrderCancelled.Cause.BY_STAFF, "crash test", "e2e", Instant.now()), tenant, order.toString(), null);
        new JdbcTemplate(fleet.infrastructure().adminDataSource("orders")).update(
                "insert into outbox (event_id, event_type, topic, message_key, envelope) values (?, ?, ?, ?, ?)",
                envelope.eventId(), envelope.type(), envelope.topic(), order.toString(), CODEC.encode(envelope));
        return envelope;
    }

    /** A {@code tenant.created} committed to tenant-service's outbox, as its sign-up transaction writes it. */
    private static UUID commitUnpublishedTenantCreated(String slug) {
        UUID tenant = UUID.randomUUID();
        EventEnvelope envelope = CODEC.envelope(new TenantCreated(tenant, slug, slug, "EUR", "UTC"), tenant,
                tenant.toString(), null);
        tenantDb.update("insert into outbox (event_id, event_type, topic, message_key, envelope) values (?, ?, ?, ?, ?)",
                envelope.eventId(), envelope.type(), envelope.topic(), tenant.toString(), CODEC.encode(envelope));
        return tenant;
    }
}
