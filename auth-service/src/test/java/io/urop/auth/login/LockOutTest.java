package io.urop.auth.login;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.urop.auth.AuthClient;
import io.urop.events.Uuid7;
import io.urop.contracts.Role;
import io.urop.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lock-outs per email and client: a client that guessed too often is refused that email before any password
 * is hashed, while the person signs in from elsewhere; guesses from many clients meet a ceiling that spares
 * the clients the person signed in from. Clients are told apart by the address the gateway forwards.
 */
@ServiceIntegrationTest
@Import(LockOutTest.CountedPasswordComparisons.class)
// a context of its own, for the counting encoder: closed after this class, not left to the JVM's exit
@DirtiesContext
class LockOutTest {

    @Autowired
    RestTestClient http;

    @Autowired
    CountingPasswordEncoder hashes;

    @Autowired
    LoginProperties properties;

    @Test
    void aLockedEmailAndClientIsAnsweredWithoutHashingAnyPassword() {
        String email = AuthClient.uniqueEmail("owner");
        new AuthClient(http).createAccount(Uuid7.next(), email, Role.OWNER);
        String nobody = AuthClient.uniqueEmail("nobody");
        String attacker = "198.51.100.7";
        for (int attempt = 1; attempt <= properties.maxFailures(); attempt++) {
            login(email, "guess number " + attempt, attacker).expectStatus().isUnauthorized();
            login(nobody, "guess number " + attempt, attacker).expectStatus().isUnauthorized();
        }
        int comparisons = hashes.comparisons.get();

        String locked = problem(login(email, AuthClient.PASSWORD, attacker));
        String lockedNobody = problem(login(nobody, AuthClient.PASSWORD, attacker));

        assertThat(hashes.comparisons.get()).as("password comparisons while locked").isEqualTo(comparisons);
        assertThat(locked).isEqualTo(lockedNobody).contains("https://urop.io/problems/unauthorized");
    }

    @Test
    void guessesFromOneAddressDoNotLockTheOwnerOutFromTheRestaurant() {
        String email = AuthClient.uniqueEmail("owner");
        new AuthClient(http).createAccount(Uuid7.next(), email, Role.OWNER);
        String attacker = "198.51.100.8";
        for (int attempt = 0; attempt <= properties.maxFailures(); attempt++) {
            login(email, "guess number " + attempt, attacker).expectStatus().isUnauthorized();
        }

        login(email, AuthClient.PASSWORD, "203.0.113.20").expectStatus().isOk();
        login(email, AuthClient.PASSWORD, attacker).expectStatus().isUnauthorized();
    }

    @Test
    void guessesFromManyAddressesMeetACeilingThatSparesTheAddressesTheOwnerSignedInFrom() {
        String email = AuthClient.uniqueEmail("owner");
        new AuthClient(http).createAccount(Uuid7.next(), email, Role.OWNER);
        String restaurant = "203.0.113.30";
        login(email, AuthClient.PASSWORD, restaurant).expectStatus().isOk();

        for (int bot = 1; bot <= properties.maxFailuresFromNewClients(); bot++) {
            login(email, "guess number " + bot, "192.0.2." + bot).expectStatus().isUnauthorized();
        }

        // a new address, past the ceiling
        login(email, AuthClient.PASSWORD, "192.0.2.250").expectStatus().isUnauthorized();
        login(email, AuthClient.PASSWORD, restaurant).expectStatus().isOk();
    }

    @Test
    void theAddressesOfOneIpv6NetworkCountAsOneClient() {
        String email = AuthClient.uniqueEmail("owner");
        new AuthClient(http).createAccount(Uuid7.next(), email, Role.OWNER);
        for (int attempt = 1; attempt <= properties.maxFailures(); attempt++) {
            login(email, "guess number " + attempt, "2001:db8:1:2::" + Integer.toHexString(attempt))
                    .expectStatus().isUnauthorized();
        }

        login(email, AuthClient.PASSWORD, "2001:db8:1:2:ffff:ffff:ffff:fff0").expectStatus().isUnauthorized();
        login(email, AuthClient.PASSWORD, "2001:db8:77:1::1").expectStatus().isOk();
        // whatever else a proxy forwards is a client of its own, not an error
        login(email, AuthClient.PASSWORD, "not:an:address").expectStatus().isOk();
        login(email, AuthClient.PASSWORD, "unknown").expectStatus().isOk();
    }

    /** A sign-in as forwarded by the gateway for a client at {@code address}. */
    private RestTestClient.ResponseSpec login(String email, String password, String address) {
        return http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", address)
                .body(Map.of("email", email, "password", password)).exchange();
    }

    private static String problem(RestTestClient.ResponseSpec response) {
        return response.expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .returnResult(String.class).getResponseBody()
                .replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class CountedPasswordComparisons {

        @Bean
        @Primary
        CountingPasswordEncoder countingPasswordEncoder() {
            return new CountingPasswordEncoder();
        }
    }

    /** auth-service's encoder, counting how often it compares a password with a hash (each time a BCrypt). */
    static final class CountingPasswordEncoder implements PasswordEncoder {

        final AtomicInteger comparisons = new AtomicInteger();
        private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

        @Override
        public String encode(CharSequence rawPassword) {
            return encoder.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            comparisons.incrementAndGet();
            return encoder.matches(rawPassword, encodedPassword);
        }
    }
}
