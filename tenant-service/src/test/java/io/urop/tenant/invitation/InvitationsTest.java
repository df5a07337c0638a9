package io.urop.tenant.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.events.EventCodec;
import io.urop.events.tenant.MemberInvited;
import io.urop.contracts.Role;
import io.urop.tenant.AuthServiceStub;
import io.urop.tenant.Signups;
import io.urop.tenant.TenantServiceTest;
import io.urop.test.Databases;
import io.urop.test.TopicReader;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationsTest extends TenantServiceTest {

    @Autowired
    RestTestClient http;

    @Autowired
    EventCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Value("${urop.tenant.invitations.signing-key}")
    String signingKey;

    final JdbcTemplate superuser = Databases.asSuperuser("tenant");
    final AuthServiceStub auth = AuthServiceStub.instance();

    UUID tenant;
    UUID location;
    UUID ownerId;
    String owner;

    @BeforeEach
    void aTenant() {
        String body = http.post().uri("/api/v1/signup").contentType(MediaType.APPLICATION_JSON)
                .body(Signups.signup(Signups.slug(), "owner-" + UUID.randomUUID() + "@example.com"))
                .exchange().expectStatus().isCreated().returnResult(String.class).getResponseBody();
        tenant = UUID.fromString(JsonPath.read(body, "$.tenantId"));
        location = UUID.fromString(JsonPath.read(body, "$.locationId"));
        ownerId = UUID.fromString(JsonPath.read(body, "$.ownerId"));
        owner = TestTokens.user(tenant, Role.OWNER).subject(ownerId.toString()).sign();
    }

    @Test
    void anInvitedManagerAcceptsOnceAndBecomesAMemberWithAnAccount() {
        String email = "manager-" + UUID.randomUUID() + "@example.com";
        invite(owner, email, "MANAGER", Set.of(location)).expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("PENDING");
        UUID invitation = latestInvitation(email);

        // announced exactly once; notification-service then asks for the link to email
        var announced = TopicReader.await(kafka, "tenant.events", r -> invitation.toString().equals(r.key()), 1,
                Duration.ofSeconds(20));
        assertThat(announced).hasSize(1);
        MemberInvited event = codec.payload(codec.decode(announced.get(0).value()), MemberInvited.class);
        assertThat(event.email()).isEqualTo(email);
        assertThat(event.role()).isEqualTo("MANAGER");
        String link = JsonPath.read(link(event.tenantId(), event.invitationId()).expectStatus().isOk()
                .returnResult(String.class).getResponseBody(), "$.url");
        assertThat(link).startsWith("http://localhost:8080/admin/invitations/");
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(announced.get(0).value()).as("the link is a secret: no event carries it").doesNotContain(token);

        String accepted = accept(token).expectStatus().isCreated().returnResult(String.class).getResponseBody();
        UUID member = UUID.fromString(JsonPath.read(accepted, "$.memberId"));
        assertThat((String) JsonPath.read(accepted, "$.tenantId")).isEqualTo(tenant.toString());

        String account = auth.accountRequests().stream().filter(json -> json.contains(member.toString())).findFirst()
                .orElseThrow();
        assertThat((List<String>) JsonPath.read(account, "$.roles")).containsExactly("MANAGER");
        assertThat((List<String>) JsonPath.read(account, "$.locationIds")).containsExactly(location.toString());
        assertThat(members(owner)).contains(email);

        // a link works once
        accept(token).expectStatus().isEqualTo(410)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        link(tenant, invitation).expectStatus().isEqualTo(410);
        assertThat(superuser.queryForList("select action from audit_events where tenant_id = ? order by occurred_at",
                String.class, tenant)).containsSubsequence("invitation.sent", "invitation.accepted");
    }

    @Test
    void aForgedAnExpiredOrAWithdrawnLinkDoesNotWork() {
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        invite(owner, email, "STAFF", Set.of()).expectStatus().isCreated();
        UUID invitation = latestInvitation(email);
        InvitationTokens tokens = new InvitationTokens(Base64.getDecoder().decode(signingKey));
        String valid = tokens.sign(tenant, invitation, Instant.now().plus(Duration.ofDays(1)));

        char flipped = valid.charAt(5) == 'A' ? 'B' : 'A';
        accept(valid.substring(0, 5) + flipped + valid.substring(6)).expectStatus().isNotFound();
        accept(new InvitationTokens(new byte[32]).sign(tenant, invitation, Instant.now().plusSeconds(600)))
                .expectStatus().isNotFound();
        accept("not-a-token").expectStatus().isNotFound();
        accept(tokens.sign(tenant, invitation, Instant.now().minusSeconds(1))).expectStatus().isEqualTo(410);

        call(owner, http.delete().uri("/api/v1/tenants/{t}/invitations/{i}", tenant, invitation))
                .expectStatus().isNoContent();
        accept(valid).expectStatus().isEqualTo(410);
        assertThat(members(owner)).doesNotContain(email);
    }

    @Test
    void onlyNotificationServiceGetsAnInvitationLinkAndOnlyWithItsTenant() {
        String email = "waiter-" + UUID.randomUUID() + "@example.com";
        invite(owner, email, "STAFF", Set.of()).expectStatus().isCreated();
        UUID invitation = latestInvitation(email);
        String path = "/internal/v1/tenants/{t}/invitations/{i}/link";

        http.get().uri(path, tenant, invitation).exchange().expectStatus().isUnauthorized();
        for (String stranger : List.of(owner, TestTokens.service("tenant-service").sign(),
                TestTokens.service("qr-service").sign())) {
            call(stranger, http.get().uri(path, tenant, invitation)).expectStatus().isForbidden();
        }
        String notification = TestTokens.service("notification-service").sign();
        call(notification, http.get().uri(path, UUID.randomUUID(), invitation)).expectStatus().isNotFound();
        call(notification, http.get().uri(path, tenant, UUID.randomUUID())).expectStatus().isNotFound();
        link(tenant, invitation).expectStatus().isOk();

        call(owner, http.delete().uri("/api/v1/tenants/{t}/invitations/{i}", tenant, invitation))
                .expectStatus().isNoContent();
        link(tenant, invitation).expectStatus().isEqualTo(410);
    }

    @Test
    void managersInviteStaffAndKitchenToTheirOwnLocationsOnly() {
        String manager = TestTokens.user(tenant, Role.MANAGER).subject(UUID.randomUUID().toString()).locations(location)
                .sign();
        invite(manager, "cook-" + UUID.randomUUID() + "@example.com", "KITCHEN", Set.of(location))
                .expectStatus().isCreated();
        invite(manager, "boss-" + UUID.randomUUID() + "@example.com", "MANAGER", Set.of(location))
                .expectStatus().isForbidden();
        invite(manager, "everywhere-" + UUID.randomUUID() + "@example.com", "STAFF", Set.of())
                .expectStatus().isForbidden();
        invite(TestTokens.user(tenant, Role.STAFF).sign(), "friend-" + UUID.randomUUID() + "@example.com", "STAFF",
                Set.of()).expectStatus().isForbidden();
        invite(owner, "admin-" + UUID.randomUUID() + "@example.com", "PLATFORM_ADMIN", Set.of())
                .expectStatus().isBadRequest();
        invite(owner, "not-an-email", "STAFF", Set.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void nobodyIsInvitedTwiceOrInvitedWhereTheyAlreadyWork() {
        String email = "twice-" + UUID.randomUUID() + "@example.com";
        invite(owner, email, "STAFF", Set.of()).expectStatus().isCreated();
        invite(owner, email.toUpperCase(), "KITCHEN", Set.of()).expectStatus().isEqualTo(409);

        String ownerEmail = superuser.queryForObject("select email from members where id = ?", String.class, ownerId);
        invite(owner, ownerEmail, "STAFF", Set.of()).expectStatus().isEqualTo(409);
    }

    @Test
    void anOwnerChangesAMembersRoleAndDeactivatesThemAndAuthServiceIsTold() {
        UUID member = acceptedMember("STAFF");

        call(owner, http.put().uri("/api/v1/tenants/{t}/members/{m}/access", tenant, member)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("role", "MANAGER", "locationIds", List.of(location))))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.role").isEqualTo("MANAGER");
        assertThat(auth.accessChanges()).anyMatch(change -> change.startsWith(member + " ")
                && change.contains("\"MANAGER\"") && change.contains(location.toString()));

        call(owner, http.post().uri("/api/v1/tenants/{t}/members/{m}/deactivation", tenant, member))
                .expectStatus().isNoContent();
        assertThat(auth.deactivations()).contains(member.toString());
        assertThat(superuser.queryForList("select action from audit_events where subject = ? order by occurred_at",
                String.class, member.toString()))
                .as("the member's id is their invitation's").containsExactly("invitation.sent", "invitation.accepted",
                        "member.access-changed", "member.deactivated");

        String trail = call(owner, http.get().uri("/api/v1/tenants/{t}/audit-events", tenant)).expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat((List<String>) JsonPath.read(trail, "$.items[?(@.subject == '" + member + "')].action"))
                .containsExactly("member.deactivated", "member.access-changed", "invitation.accepted", "invitation.sent");
        assertThat((List<String>) JsonPath.read(trail, "$.items[?(@.action == 'member.deactivated')].actor"))
                .containsOnly(ownerId.toString());
        assertThat((String) JsonPath.read(trail, "$.items[0].clientIp")).isEqualTo("127.0.0.1");
        call(TestTokens.user(tenant, Role.MANAGER).sign(), http.get().uri("/api/v1/tenants/{t}/audit-events", tenant))
                .expectStatus().isForbidden();

        // an owner cannot lock themselves out
        call(owner, http.post().uri("/api/v1/tenants/{t}/members/{m}/deactivation", tenant, ownerId))
                .expectStatus().isEqualTo(409);
    }

    @Test
    void anotherTenantsStaffIsNotFound() {
        UUID member = acceptedMember("STAFF");
        UUID otherTenant = UUID.randomUUID();
        String stranger = TestTokens.user(otherTenant, Role.OWNER).sign();

        call(stranger, http.get().uri("/api/v1/tenants/{t}/members", tenant)).expectStatus().isNotFound();
        call(stranger, http.get().uri("/api/v1/tenants/{t}/invitations", tenant)).expectStatus().isNotFound();
        invite(stranger, "x-" + UUID.randomUUID() + "@example.com", "STAFF", Set.of()).expectStatus().isNotFound();
        call(stranger, http.post().uri("/api/v1/tenants/{t}/members/{m}/deactivation", otherTenant, member))
                .expectStatus().isNotFound();
        call(stranger, http.put().uri("/api/v1/tenants/{t}/members/{m}/access", otherTenant, member)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("role", "OWNER")))
                .expectStatus().isNotFound();
        assertThat(auth.deactivations()).doesNotContain(member.toString());
    }

    private UUID acceptedMember(String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        invite(owner, email, role, Set.of()).expectStatus().isCreated();
        UUID invitation = latestInvitation(email);
        String token = new InvitationTokens(Base64.getDecoder().decode(signingKey))
                .sign(tenant, invitation, Instant.now().plusSeconds(600));
        String body = accept(token).expectStatus().isCreated().returnResult(String.class).getResponseBody();
        return UUID.fromString(JsonPath.read(body, "$.memberId"));
    }

    private RestTestClient.ResponseSpec invite(String token, String email, String role, Set<UUID> locations) {
        return call(token, http.post().uri("/api/v1/tenants/{t}/invitations", tenant)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "role", role, "locationIds", locations)));
    }

    private RestTestClient.ResponseSpec accept(String token) {
        return http.post().uri("/api/v1/invitations/{token}/acceptance", token).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Alex Dupont", "password", "another long password")).exchange();
    }

    /** What notification-service does with the announcement: asks for the link to email. */
    private RestTestClient.ResponseSpec link(UUID tenantId, UUID invitationId) {
        return call(TestTokens.service("notification-service").sign(),
                http.get().uri("/internal/v1/tenants/{t}/invitations/{i}/link", tenantId, invitationId));
    }

    private UUID latestInvitation(String email) {
        return superuser.queryForObject("select id from invitations where email = ? order by created_at desc limit 1",
                UUID.class, email.toLowerCase());
    }

    private List<String> members(String token) {
        String body = call(token, http.get().uri("/api/v1/tenants/{t}/members?size=200", tenant))
                .expectStatus().isOk().returnResult(String.class).getResponseBody();
        return JsonPath.read(body, "$.items[*].email");
    }

    private static RestTestClient.ResponseSpec call(String token, RestTestClient.RequestHeadersSpec<?> request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
