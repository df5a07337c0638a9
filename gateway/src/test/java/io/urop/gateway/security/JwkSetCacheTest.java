package io.urop.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwkSetCacheTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Duration TOLERANCE = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock();
    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();

    private final JwkSetCache cache = new JwkSetCache(() -> Mono.defer(() -> {
        fetches.incrementAndGet();
        return down.get() ? Mono.error(new IllegalStateException("auth-service down"))
                : Mono.just(new JWKSet(List.copyOf(published)));
    }), TTL, INTERVAL, TOLERANCE, clock);

    private final ECKey key = newKey();

    JwkSetCacheTest() {
        published.add(key);
    }

    @Test
    void fetchesOnceAndServesTheKeyFromTheCacheUntilTheTtl() {
        assertThat(keysFor(key.getKeyID())).containsExactly(key.toPublicJWK());
        assertThat(keysFor(key.getKeyID())).containsExactly(key.toPublicJWK());
        assertThat(fetches).hasValue(1);

        clock.advance(TTL);
        assertThat(keysFor(key.getKeyID())).containsExactly(key.toPublicJWK());
        assertThat(fetches).hasValue(2);
    }

    @Test
    void neverHandsOutPrivateHalves() {
        assertThat(keysFor(key.getKeyID())).allMatch(jwk -> !jwk.isPrivate());
    }

    @Test
    void unknownKidsFetchAtMostTwicePerInterval() {
        keysFor(key.getKeyID());
        for (int i = 0; i < 50; i++) {
            assertThat(keysFor(UUID.randomUUID().toString())).isEmpty();
        }
        assertThat(fetches).hasValue(2);

        clock.advance(INTERVAL);
        keysFor(UUID.randomUUID().toString());
        keysFor(UUID.randomUUID().toString());
        keysFor(UUID.randomUUID().toString());
        assertThat(fetches).hasValue(4);
    }

    @Test
    void aKeyPublishedLaterIsFoundByItsKid() {
        keysFor(key.getKeyID());
        ECKey rotated = newKey();
        published.add(rotated);
        assertThat(keysFor(rotated.getKeyID())).containsExactly(rotated.toPublicJWK());
        assertThat(fetches).hasValue(2);
    }

    @Test
    void otherAlgorithmsCostNoFetch() {
        JWSHeader hs256 = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build();
        assertThat(cache.apply(jwt(hs256)).collectList().block()).isEmpty();
        assertThat(fetches).hasValue(0);
    }

    @Test
    void theLastJwksStaysUsableForAWhileWhenAuthServiceIsDown() {
        keysFor(key.getKeyID());
        down.set(true);
        clock.advance(TTL.plus(Duration.ofMinutes(1)));
        assertThat(keysFor(key.getKeyID())).containsExactly(key.toPublicJWK());

        clock.advance(TOLERANCE);
        assertThatThrownBy(() -> keysFor(key.getKeyID())).hasMessageContaining("could not be fetched");
    }

    @Test
    void withoutAnyJwksATokenCannotBeJudged() {
        down.set(true);
        assertThatThrownBy(() -> keysFor(key.getKeyID())).hasMessageContaining("could not be fetched");
        assertThatThrownBy(() -> keysFor(key.getKeyID())).hasMessageContaining("could not be fetched");
        // rate-limited from here on: auth-service is not asked again within the interval
        assertThatThrownBy(() -> keysFor(key.getKeyID())).hasMessageContaining("rate-limited");
        assertThat(fetches).hasValue(2);
    }

    private List<JWK> keysFor(String kid) {
        return cache.apply(jwt(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build())).collectList().block();
    }

    private static SignedJWT jwt(JWSHeader header) {
        try {
            return new SignedJWT(header.toBase64URL(), new JWTClaimsSet.Builder().build().toPayload().toBase64URL(),
                    Base64URL.encode("signature"));
        }
        catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
