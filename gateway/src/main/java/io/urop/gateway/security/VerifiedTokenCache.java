package io.urop.gateway.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * A client sends the same access token for up to 15 minutes: its signature and claims are checked
 * once, and the verified token is kept for a short while, keyed by the token's exact text. A kept
 * token is still refused once it expires; a key withdrawn from the JWKS stops a kept token within
 * {@code keepFor}. Revocation is not cached: it is checked on every request after this.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final Cache<String, Jwt> verified;
    private final Clock clock;

    VerifiedTokenCache(ReactiveJwtDecoder decoder, Duration keepFor, long maxTokens, Clock clock) {
        this.decoder = decoder;
        this.verified = Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(maxTokens).build();
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && known.getExpiresAt() != null
                && known.getExpiresAt().plus(AccessTokenDecoderConfiguration.CLOCK_SKEW).isAfter(clock.instant())) {
            return Mono.just(known);
        }
        return decoder.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }
}
