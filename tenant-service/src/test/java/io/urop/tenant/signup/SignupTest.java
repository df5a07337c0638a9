package io.urop.tenant.signup;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.events.EventCodec;
import io.urop.events.EventEnvelope;
import io.urop.events.tenant.TenantCreated;
import io.urop.contracts.Role;
import io.urop.tenant.AuthServiceStub;
import io.urop.tenant.Signups;
import io.urop.tenant.TenantServiceTest;
import io.urop.test.Databases;
import io.urop.test.TopicReader;
import io.urop.test.tokens.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class SignupTest extends TenantServiceTest {

    @Autowired
    RestTestClient http;

    @Autowired
    EventCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    final JdbcTemplate superuser = Databases.asSuperuser("tenant");
    final AuthServiceStub auth = AuthServiceStub.instance();

    @AfterEach
    void authServiceAnswersAgain() {
        auth.failing(false);
    }

    RestTestClient.ResponseSpec signUp(Object request) {
        return http.post().uri("/api/v1/signup").contentType(MediaType.APPLICATION_JSON).body(request).exchange();
    }

    @Test
    void aGroupSignsUpWithItsFirstLocationAndOwnerInOneCall() {
        String slug = Signups.slug();
        String body = signUp(Signups.signup(slug, "Camille@Example.com"))
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/tenants/[0-9a-f-]{36}")
                .returnResult(String.class).getResponseBody();
        UUID tenant = UUID.fromString(JsonPath.read(body, "$.tenantId"));
        UUID location = UUID.fromString(JsonPath.read(body, "$.locationId"));
        UUID owner = UUID.fromString(JsonPath.read(body, "$.ownerId"));

        // the owner's account, with the password, went to auth-service: they can sign in at once
        String account = auth.accountRequests().stream().filter(json -> json.contains(owner.toString())).findFirst()
                .orElseThrow();
        assertThat((String) JsonPath.read(account, "$.tenantId")).isEqualTo(tenant.toString());
        assertThat((String) JsonPath.read(account, "$.email")).isEqualTo("camille@example.com");
        assertThat((String) JsonPath.read(account, "$.password")).isEqualTo("a long enough password");
        assertThat((List<String>) JsonPath.read(account, "$.roles")).containsExactly("OWNER");

        // nothing of the password is kept here
        assertThat(superuser.queryForObject("select count(*) from members where id = ? and role = 'OWNER'",
                Integer.class, owner)).isOne();
        assertThat(superuser.queryForList("select email from members where tenant_id = ?", String.class, tenant))
                .containsExactly("camille@example.com");

        // the owner sees the new location with everything that was said about it
        http.get().uri("/api/v1/tenants/{tenant}/locations/{location}", tenant, location)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.user(tenant, Role.OWNER).subject(owner.toString()).sign())
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.details.address.city").isEqualTo("Paris")
                .jsonPath("$.details.taxRateBasisPoints").isEqualTo(1000)
                .jsonPath("$.details.paymentMode").isEqualTo("PAY_AT_THE_END")
                .jsonPath("$.details.openingHours[0].closes").isEqualTo("01:00:00");

        List<ConsumerRecord<String, String>> announced = TopicReader.await(kafka, "tenant.events",
                r -> tenant.toString().equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(announced).hasSize(1);
        EventEnvelope envelope = codec.decode(announced.get(0).value());
        assertThat(codec.payload(envelope, TenantCreated.class))
                .isEqualTo(new TenantCreated(tenant, slug, "Bistro " + slug, "EUR", "Europe/Paris"));
    }

    @Test
    void anEmailThatHasAnAccountSignsUpLikeANewOneButNothingIsKeptAndAuthServiceTellsThatAddress() {
        String email = "taken-" + UUID.randomUUID() + "@example.com";
        RestTestClient.ResponseSpec first = signUp(Signups.signup(Signups.slug(), email)).expectStatus().isCreated();
        EntityExchangeResult<String> real = first.expectBody(String.class).returnResult();
        String slug = Signups.slug();
        long eventsBefore = count("outbox");

        EntityExchangeResult<String> again = signUp(Signups.signup(slug, email))
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/tenants/[0-9a-f-]{36}")
                .expectBody(String.class).returnResult();

        // the very shape of a new sign-up, with ids of its own
        assertThat(headerNames(again)).isEqualTo(headerNames(real));
        assertThat(again.getResponseHeaders().getContentType()).isEqualTo(real.getResponseHeaders().getContentType());
        Map<String, Object> answer = JsonPath.read(again.getResponseBody(), "$");
        assertThat(answer).containsOnlyKeys(JsonPath.<Map<String, Object>>read(real.getResponseBody(), "$").keySet())
                .containsEntry("slug", slug);
        assertThat(again.getResponseHeaders().getLocation()).hasToString("/api/v1/tenants/" + answer.get("tenantId"));

        // nothing is kept: no organisation its owner could never reach, no event, and the slug stays free
        assertThat(superuser.queryForObject("select count(*) from tenants where slug = ? or id = ?::uuid",
                Integer.class, slug, answer.get("tenantId"))).isZero();
        assertThat(superuser.queryForObject("select count(*) from members where email = ?", Integer.class, email))
                .isOne();
        assertThat(count("outbox")).isEqualTo(eventsBefore);
        // auth-service was asked to tell that address, as it does for the owner of a public sign-up
        String asked = auth.accountRequests().stream().filter(json -> json.contains((String) answer.get("ownerId")))
                .findFirst().orElseThrow();
        assertThat((Boolean) JsonPath.read(asked, "$.selfSignup")).isTrue();
        signUp(Signups.signup(slug, "other-" + UUID.randomUUID() + "@example.com")).expectStatus().isCreated();
    }

    @Test
    void aTakenSlugIsAConflictAndAuthServiceIsNotAsked() {
        String slug = Signups.slug();
        signUp(Signups.signup(slug, "first-" + UUID.randomUUID() + "@example.com")).expectStatus().isCreated();
        String second = "second-" + UUID.randomUUID() + "@example.com";

        signUp(Signups.signup(slug, second)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://urop.io/problems/conflict");

        assertThat(auth.accountRequests()).noneMatch(json -> json.contains(second));
    }

    @Test
    void whenAuthServiceCannotAnswerTheSignUpIsRefusedWithRetryAfterAndNothingIsKept() {
        auth.failing(true);
        String slug = Signups.slug();
        long eventsBefore = count("outbox");

        signUp(Signups.signup(slug, "later-" + UUID.randomUUID() + "@example.com"))
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(superuser.queryForObject("select count(*) from tenants where slug = ?", Integer.class, slug)).isZero();
        assertThat(count("outbox")).isEqualTo(eventsBefore);
    }

    @Test
    void badInputNamesEveryFieldAndChangesNothing() {
        long tenantsBefore = count("tenants");
        int asked = auth.accountRequests().size();
        Map<String, Object> location = new java.util.HashMap<>(Signups.location(" "));
        location.put("address", Map.of("line1", "1 Main St", "postalCode", "1000", "city", "Brussels", "country", "be"));
        location.put("taxRateBasisPoints", 10001);
        location.put("openingHours", List.of(Map.of("day", "MONDAY", "opens", "12:00", "closes", "12:00")));

        signUp(Map.of("organisation", Map.of("name", "Chez Nous", "slug", "Not A Slug!"), "location", location,
                "owner", Map.of("name", "Sam", "email", "not-an-email", "password", "short")))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://urop.io/problems/validation")
                .jsonPath("$.errors[*].field").isEqualTo(List.of("location.address.country", "location.name",
                        "location.openingHours[0].closingAtAnotherTime", "location.taxRateBasisPoints",
                        "organisation.slug", "owner.email", "owner.password"));
        signUp("{\"organisation\": ").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://urop.io/problems/malformed-request");

        assertThat(count("tenants")).isEqualTo(tenantsBefore);
        assertThat(auth.accountRequests()).hasSize(asked);
    }

    private static java.util.Set<String> headerNames(EntityExchangeResult<?> result) {
        return new java.util.TreeSet<>(result.getResponseHeaders().headerNames().stream()
                .map(name -> name.toLowerCase(java.util.Locale.ROOT)).toList());
    }

    private long count(String table) {
        return superuser.queryForObject("select count(*) from " + table, Long.class);
    }
}
