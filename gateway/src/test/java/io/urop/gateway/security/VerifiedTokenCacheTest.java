package io.urop.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();

    /** Verifies "good-<minutes left>" tokens and refuses anything else, counting each verification. */
    private final ReactiveJwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-")) {
            return Mono.error(new BadJwtException("refused"));
        }
        Instant expiresAt = NOW.plus(Duration.ofMinutes(Long.parseLong(token.substring(5))));
        return Mono.just(Jwt.withTokenValue(token).header("alg", "ES256").subject("someone").issuedAt(NOW)
                .expiresAt(expiresAt).build());
    };

    @Test
    void aTokenIsVerifiedOnceAndThenServedFromTheCache() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ofMinutes(1), 100, at(NOW));

        for (int request = 0; request < 5; request++) {
            assertThat(cache.decode("good-15").block().getSubject()).isEqualTo("someone");
        }

        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRefusedTokenIsNeverCached() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ofMinutes(1), 100, at(NOW));

        for (int request = 0; request < 3; request++) {
            assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);
        }

        assertThat(verifications).hasValue(3);
    }

    @Test
    void aCachedTokenPastItsExpiryIsVerifiedAgain() {
        AtomicInteger minute = new AtomicInteger();
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return NOW.plus(Duration.ofMinutes(minute.get()));
            }

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ofHours(1), 100, clock);
        cache.decode("good-1").block();

        minute.set(2); // the token expired a minute ago, more than the 30 s skew
        cache.decode("good-1").block();

        assertThat(verifications).hasValue(2);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
