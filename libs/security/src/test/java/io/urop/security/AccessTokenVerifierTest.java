package io.urop.security;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.urop.contracts.Role;
import io.urop.test.http.JwksServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verifier on its own, outside Spring: what the HTTP test does not show. */
class AccessTokenVerifierTest {

    static final ECKey KEY = TestTokens.newKey("k1");
    static final JwksServer JWKS = JwksServer.serving(KEY);
    static final AccessTokenVerifier VERIFIER = AccessTokenVerifier.builder()
            .jwksUri(JWKS.uri())
            .issuer(TestTokens.ISSUER)
            .audience(TestTokens.AUDIENCE)
            .build();

    @AfterAll
    static void stop() {
        VERIFIER.close();
        JWKS.close();
    }

    @Test
    void aVerifiedTokenCarriesItsClaims() {
        UUID tenant = UUID.randomUUID();
        VerifiedToken token = VERIFIER.verify(TestTokens.sign(KEY, TestTokens.claims(tenant, "MANAGER", "STAFF")
                .subject("ada").claim("sid", "s-1").claim("team", "night")));

        assertThat(token.subject()).isEqualTo("ada");
        assertThat(token.tenantId()).isEqualTo(tenant);
        assertThat(token.roles()).containsExactlyInAnyOrder(Role.MANAGER, Role.STAFF);
        assertThat(token.sessionId()).isEqualTo("s-1");
        assertThat(token.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
        assertThat(token.claims()).containsEntry("team", "night").containsEntry("exp", token.expiresAt());
        assertThat(token.locations()).as("no loc: every location of the tenant").isEmpty();
        assertThat(token.mayAccessLocation(UUID.randomUUID())).isTrue();
        assertThat(token.mayAccessLocation(null)).isFalse();
    }

    @Test
    void onlyAPlatformAdminOrAServiceMayHaveNoTenantAndUnknownRolesGrantNothing() {
        VerifiedToken admin = VERIFIER.verify(TestTokens.sign(KEY, TestTokens.claims(null, "PLATFORM_ADMIN", "WIZARD")));
        assertThat(admin.tenantId()).isNull();
        assertThat(admin.roles()).containsExactly(Role.PLATFORM_ADMIN);

        VerifiedToken service = VERIFIER.verify(TestTokens.sign(KEY, TestTokens.claims(null, "SERVICE")
                .subject("order-service")));
        assertThat(service.tenantId()).isNull();
        assertThat(service.subject()).as("a service's sub is its client id").isEqualTo("order-service");
        assertThat(service.roles()).containsExactly(Role.SERVICE);
        UUID tenant = UUID.randomUUID();
        assertThat(VERIFIER.verify(TestTokens.sign(KEY, TestTokens.claims(tenant, "SERVICE"))).tenantId())
                .as("a service acting for one tenant").isEqualTo(tenant);

        assertRefused(TestTokens.claims(null, "OWNER"), "tid is missing");
        assertRefused(TestTokens.claims(null, "DINER", "STAFF"), "tid is missing");
        assertRefused(TestTokens.claims(null, "service"), "no known role");
        assertRefused(TestTokens.claims(UUID.randomUUID(), "WIZARD"), "no known role");
        assertRefused(TestTokens.claims(UUID.randomUUID(), "OWNER").claim("tid", "tenant-1"), "tid holds a value that is not a UUID");
        assertRefused(TestTokens.claims(UUID.randomUUID(), "OWNER").claim("sid", null), "sid");
    }

    @Test
    void locLimitsTheTokenToTheLocationsItNames() {
        UUID here = UUID.randomUUID();
        UUID there = UUID.randomUUID();
        VerifiedToken token = VERIFIER.verify(TestTokens.sign(KEY, TestTokens.claims(UUID.randomUUID(), "STAFF")
                .claim("loc", List.of(here.toString(), there.toString()))));

        assertThat(token.locations()).containsExactlyInAnyOrder(here, there);
        assertThat(token.mayAccessLocation(here)).isTrue();
        assertThat(token.mayAccessLocation(there)).isTrue();
        assertThat(token.mayAccessLocation(UUID.randomUUID())).isFalse();
        assertThat(token.mayAccessLocation(null)).isFalse();

        CurrentUser user = CurrentUser.of(token);
        assertThat(user.locations()).containsExactlyInAnyOrder(here, there);
        assertThat(user.mayAccessLocation(here)).isTrue();
        assertThat(user.mayAccessLocation(UUID.randomUUID())).isFalse();
    }

    @Test
    void aLocThatCannotBeReadRefusesTheTokenRatherThanLiftingTheLimit() {
        UUID tenant = UUID.randomUUID();
        assertRefused(TestTokens.claims(tenant, "STAFF").claim("loc", UUID.randomUUID().toString()), "loc is not");
        assertRefused(TestTokens.claims(tenant, "STAFF").claim("loc", List.of()), "loc is not a non-empty array");
        assertRefused(TestTokens.claims(tenant, "STAFF").claim("loc", List.of("location-7")), "loc holds a value that is not a UUID");
        assertRefused(TestTokens.claims(tenant, "STAFF").claim("loc", List.of(UUID.randomUUID().toString(), 7)),
                "loc holds a value that is not a string");
        assertRefused(TestTokens.claims(tenant, "STAFF").claim("loc", List.of("1-2-3-4-5")),
                "loc holds a value that is not a UUID");
        assertRefused(TestTokens.claims(tenant, "STAFF").claim("loc", java.util.Map.of("id", UUID.randomUUID().toString())),
                "loc is not");
    }

    @Test
    void timesAreCheckedWithThirtySecondsOfSkew() {
        Instant now = Instant.now();
        UUID tenant = UUID.randomUUID();
        // a few seconds over: still within the skew
        VERIFIER.verify(TestTokens.sign(KEY, TestTokens.claims(tenant, "OWNER")
                .expirationTime(Date.from(now.minusSeconds(10)))));

        assertRefused(TestTokens.claims(tenant, "OWNER").expirationTime(Date.from(now.minusSeconds(45))), "Expired");
        assertRefused(TestTokens.claims(tenant, "OWNER").notBeforeTime(Date.from(now.plusSeconds(120))), "before use");
        assertRefused(TestTokens.claims(tenant, "OWNER").issueTime(Date.from(now.plusSeconds(120))), "iat");
    }

    @Test
    void aTokenVerifiedOnceIsKeptAndStillRefusedOnceItExpires() throws Exception {
        AtomicInteger keyLookups = new AtomicInteger();
        JWKSource<SecurityContext> keys = (selector, context) -> {
            keyLookups.incrementAndGet();
            return selector.select(new JWKSet(KEY.toPublicJWK()));
        };
        UUID tenant = UUID.randomUUID();
        String token = TestTokens.sign(KEY, TestTokens.claims(tenant, "SERVICE"));
        try (AccessTokenVerifier verifier = AccessTokenVerifier.builder().jwkSource(keys)
                .issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).build()) {
            for (int i = 0; i < 5; i++) {
                assertThat(verifier.verify(token).tenantId()).isEqualTo(tenant);
            }
            assertThat(keyLookups).as("the signature is checked once").hasValue(1);

            // expired 27 s ago: accepted for three more seconds of skew, then refused although it is kept
            Instant expiry = Instant.now().minusSeconds(27);
            String expiring = TestTokens.sign(KEY, TestTokens.claims(tenant, "OWNER").expirationTime(Date.from(expiry)));
            verifier.verify(expiring);
            Instant refusedFrom = expiry.plus(AccessTokenVerifier.CLOCK_SKEW).plusMillis(500);
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), refusedFrom).toMillis()));
            assertThatThrownBy(() -> verifier.verify(expiring)).isInstanceOf(InvalidAccessTokenException.class);
        }
        try (AccessTokenVerifier uncached = AccessTokenVerifier.builder().jwkSource(keys)
                .verifiedTokenCache(Duration.ZERO, 0).issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).build()) {
            uncached.verify(token);
            uncached.verify(token);
            assertThat(keyLookups).hasValue(5);
        }
    }

    @Test
    void garbageKidsDoNotHammerAuthService() {
        try (JwksServer jwks = JwksServer.serving(KEY);
                AccessTokenVerifier verifier = AccessTokenVerifier.builder().jwksUri(jwks.uri())
                        .issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).build()) {
            verifier.verify(TestTokens.sign(KEY, TestTokens.claims(UUID.randomUUID(), "OWNER")));
            assertThat(jwks.fetches()).isEqualTo(1);

            for (int i = 0; i < 10; i++) {
                String token = TestTokens.sign(TestTokens.newKey("garbage-" + i),
                        TestTokens.claims(UUID.randomUUID(), "OWNER"));
                assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidAccessTokenException.class);
            }

            // within the default 30 s: the first fetch and one spare refetch, however many unknown kids came in
            assertThat(jwks.fetches()).isEqualTo(2);
        }
    }

    @Test
    void anLbJwksUriIsFetchedFromTheInstanceChosenAtEachFetch() throws Exception {
        ECKey rotated = TestTokens.newKey("rotated");
        List<String> asked = new CopyOnWriteArrayList<>();
        try (JwksServer first = JwksServer.serving(KEY); JwksServer second = JwksServer.serving(KEY, rotated)) {
            List<URI> instances = List.of(base(first), base(second));
            AtomicInteger next = new AtomicInteger();
            try (AccessTokenVerifier verifier = AccessTokenVerifier.builder()
                    .jwksUri(URI.create("lb://auth-service/.well-known/jwks.json"))
                    .instanceResolver(serviceId -> {
                        asked.add(serviceId);
                        return instances.get(next.getAndIncrement() % instances.size());
                    })
                    .jwksRefetchInterval(Duration.ofMillis(1))
                    .issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).build()) {
                verifier.verify(TestTokens.sign(KEY, TestTokens.claims(UUID.randomUUID(), "OWNER")));
                assertThat(first.fetches()).isEqualTo(1);

                // an unknown kid: fetched again, from the next instance chosen, which has the rotated key
                verifier.verify(TestTokens.sign(rotated, TestTokens.claims(UUID.randomUUID(), "OWNER")));
                assertThat(second.fetches()).isEqualTo(1);
                assertThat(asked).containsExactly("auth-service", "auth-service");
            }
        }
    }

    @Test
    void anLbJwksUriWithNoInstanceFailsLikeAnUnreachableUrlAndRecovers() throws Exception {
        try (JwksServer jwks = JwksServer.serving(KEY)) {
            AtomicBoolean registered = new AtomicBoolean();
            try (AccessTokenVerifier verifier = AccessTokenVerifier.builder()
                    .jwksUri(URI.create("lb://auth-service/.well-known/jwks.json"))
                    .instanceResolver(serviceId -> {
                        if (!registered.get()) {
                            throw new IOException("no instance of " + serviceId + " is registered");
                        }
                        return base(jwks);
                    })
                    .jwksRefetchInterval(Duration.ofMillis(1))
                    .issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).build()) {
                String token = TestTokens.sign(KEY, TestTokens.claims(UUID.randomUUID(), "OWNER"));
                // a KeySourceException is what the authentication manager logs as a JWKS outage
                assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidAccessTokenException.class)
                        .hasCauseInstanceOf(KeySourceException.class);
                assertThat(jwks.fetches()).isZero();

                registered.set(true);
                Thread.sleep(5);
                assertThat(verifier.verify(token).roles()).containsExactly(Role.OWNER);
                assertThat(jwks.fetches()).isEqualTo(1);
            }
        }
    }

    @Test
    void onlyHttpAndLbJwksUrisAreTaken() {
        AccessTokenVerifier.Builder lbWithoutResolver = AccessTokenVerifier.builder()
                .jwksUri(URI.create("lb://auth-service/.well-known/jwks.json"))
                .issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE);
        assertThatThrownBy(lbWithoutResolver::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("instanceResolver");

        for (String uri : List.of("file:///etc/jwks.json", "lb://auth-service:8081/.well-known/jwks.json")) {
            AccessTokenVerifier.Builder builder = AccessTokenVerifier.builder().jwksUri(URI.create(uri))
                    .instanceResolver(serviceId -> URI.create("http://127.0.0.1:1"))
                    .issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE);
            assertThatThrownBy(builder::build).as(uri).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static URI base(JwksServer jwks) {
        return jwks.uri().resolve("/");
    }

    private static void assertRefused(com.nimbusds.jwt.JWTClaimsSet.Builder claims, String reason) {
        String token = TestTokens.sign(KEY, claims);
        assertThatThrownBy(() -> VERIFIER.verify(token))
                .isInstanceOf(InvalidAccessTokenException.class)
                .hasMessageContaining(reason);
    }
}
