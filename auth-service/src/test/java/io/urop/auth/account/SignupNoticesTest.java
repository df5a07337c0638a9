package io.urop.auth.account;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.urop.auth.AuthClient;
import io.urop.events.EventCodec;
import io.urop.events.EventEnvelope;
import io.urop.events.Uuid7;
import io.urop.events.auth.SignupAttempted;
import io.urop.contracts.Role;
import io.urop.test.Databases;
import io.urop.test.ServiceIntegrationTest;
import io.urop.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A public sign-up whose owner's email already has an account: tenant-service answers it like any other, and the
 * person behind the address learns of it by email ({@code auth.signup-attempted}), which auth-service announces.
 */
@ServiceIntegrationTest
class SignupNoticesTest {

    @Autowired
    RestTestClient http;

    @Autowired
    EventCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    final JdbcTemplate superuser = Databases.asSuperuser("auth");

    AuthClient auth() {
        return new AuthClient(http);
    }

    @Test
    void aSignupWithAnAddressThatHasAnAccountCreatesNothingAndTellsThatAddress() {
        UUID tenant = Uuid7.next();
        String email = AuthClient.uniqueEmail("owner");
        UUID account = auth().createAccount(tenant, email, Role.OWNER);

        signUpOwner(email.toUpperCase()).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(superuser.queryForObject("select count(*) from accounts where email = ?", Integer.class,
                email.toLowerCase())).isOne();
        List<ConsumerRecord<String, String>> announced = TopicReader.await(kafka, "auth.events",
                r -> account.toString().equals(r.key()) && r.value().contains("auth.signup-attempted"), 1,
                Duration.ofSeconds(20));
        assertThat(announced).hasSize(1);
        EventEnvelope envelope = codec.decode(announced.get(0).value());
        assertThat(envelope.tenantId()).isEqualTo(tenant);
        SignupAttempted notice = codec.payload(envelope, SignupAttempted.class);
        assertThat(notice.accountId()).isEqualTo(account);
        assertThat(notice.tenantId()).isEqualTo(tenant);
        assertThat(notice.email()).isEqualTo(email.toLowerCase());
        assertThat(notice.accountActive()).isTrue();
        assertThat(announced.get(0).value()).as("nothing of the sign-up's password")
                .doesNotContain(AuthClient.PASSWORD);
    }

    @Test
    void anInvitationAcceptedWithAnAddressThatHasAnAccountIsAConflictThatTellsNobody() {
        String email = AuthClient.uniqueEmail("waiter");
        auth().createAccount(Uuid7.next(), email, Role.STAFF);

        create(Map.of("id", Uuid7.next(), "tenantId", Uuid7.next(), "email", email, "password", AuthClient.PASSWORD,
                "roles", List.of("STAFF"))).expectStatus().isEqualTo(409);

        assertThat(notices(email)).isZero();
    }

    @Test
    void nobodyCanFloodAnInboxThroughTheSignupForm() {
        String email = AuthClient.uniqueEmail("popular");
        auth().createAccount(Uuid7.next(), email, Role.OWNER);
        String nobody = AuthClient.uniqueEmail("nobody");

        for (int attempt = 0; attempt < 5; attempt++) {
            signUpOwner(email).expectStatus().isEqualTo(409);
        }
        signUpOwner(nobody).expectStatus().isCreated();

        assertThat(notices(email)).isEqualTo(SignupNotices.PER_HOUR);
        assertThat(notices(nobody)).as("a new address gets an account, and no notice").isZero();
    }

    /** What tenant-service asks for the owner of a public sign-up. */
    private RestTestClient.ResponseSpec signUpOwner(String email) {
        Map<String, Object> account = new HashMap<>(Map.of("id", Uuid7.next(), "tenantId", Uuid7.next(),
                "email", email, "password", "another long password", "roles", List.of("OWNER")));
        account.put("selfSignup", true);
        return create(account);
    }

    private RestTestClient.ResponseSpec create(Map<String, Object> account) {
        return http.post().uri("/internal/v1/accounts").header(HttpHeaders.AUTHORIZATION, "Bearer " + auth().serviceToken())
                .contentType(MediaType.APPLICATION_JSON).body(account).exchange();
    }

    private int notices(String email) {
        return superuser.queryForObject("select count(*) from outbox where envelope like ? and envelope like ?",
                Integer.class, "%auth.signup-attempted%", "%" + email.toLowerCase() + "%");
    }
}
