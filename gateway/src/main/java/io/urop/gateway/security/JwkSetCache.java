package io.urop.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The verification keys of access tokens: auth-service's JWKS, cached for a TTL and fetched again
 * when a token names a {@code kid} the cache does not hold (a rotated key works at once). Fetches are
 * rate-limited to two per refetch interval, whatever tokens come in, so garbage kids cannot hammer
 * auth-service; concurrent requests share one fetch in flight. While auth-service cannot be reached
 * the last JWKS stays usable for a while past its TTL.
 *
 * <p>Only ES256 tokens get keys: any other {@code alg} is refused by the decoder, so it must not cost
 * a fetch either.
 */
final class JwkSetCache implements Function<SignedJWT, Flux<JWK>> {

    private static final Logger log = LoggerFactory.getLogger(JwkSetCache.class);

    static final int FETCHES_PER_INTERVAL = 2;

    private final Supplier<Mono<JWKSet>> source;

    private final Duration ttl;

    private final Duration refetchInterval;

    private final Duration outageTolerance;

    private final Clock clock;

    private final Object lock = new Object();

    // guarded by lock
    private Snapshot snapshot;

    private final Deque<Instant> recentFetches = new ArrayDeque<>();

    private CompletableFuture<Snapshot> inFlight;

    JwkSetCache(Supplier<Mono<JWKSet>> source, Duration ttl, Duration refetchInterval, Duration outageTolerance,
            Clock clock) {
        this.source = source;
        this.ttl = ttl;
        this.refetchInterval = refetchInterval;
        this.outageTolerance = outageTolerance;
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            return Flux.empty();
        }
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        return keys(selector).flatMapIterable(Function.identity());
    }

    Mono<List<JWK>> keys(JWKSelector selector) {
        Instant now = clock.instant();
        Snapshot cached;
        CompletableFuture<Snapshot> fetch;
        synchronized (lock) {
            cached = snapshot;
            if (cached != null && cached.fetchedAt().plus(ttl).isAfter(now)) {
                List<JWK> found = selector.select(cached.keys());
                if (!found.isEmpty()) {
                    return Mono.just(found);
                }
            }
            fetch = fetchIfAllowed(now);
        }
        if (fetch == null) {
            return usable(cached, now)
                    ? Mono.just(selector.select(cached.keys()))
                    : Mono.error(new IllegalStateException("no JWKS fetched yet and fetching is rate-limited"));
        }
        // suppressCancel: one caller going away must not cancel the fetch the others wait for
        return Mono.fromFuture(fetch, true)
                .map(fresh -> selector.select(fresh.keys()))
                .onErrorResume(error -> {
                    if (usable(cached, now)) {
                        log.warn("Could not fetch the JWKS ({}); using the one fetched at {}", error.toString(),
                                cached.fetchedAt());
                        return Mono.just(selector.select(cached.keys()));
                    }
                    return Mono.error(new IllegalStateException("the JWKS could not be fetched", error));
                });
    }

    private CompletableFuture<Snapshot> fetchIfAllowed(Instant now) {
        if (inFlight != null) {
            return inFlight;
        }
        while (!recentFetches.isEmpty() && !recentFetches.peekFirst().plus(refetchInterval).isAfter(now)) {
            recentFetches.removeFirst();
        }
        if (recentFetches.size() >= FETCHES_PER_INTERVAL) {
            return null;
        }
        recentFetches.addLast(now);
        CompletableFuture<Snapshot> fetch = source.get()
                .map(set -> new Snapshot(set.toPublicJWKSet(), clock.instant()))
                .toFuture();
        inFlight = fetch;
        fetch.whenComplete((fetched, error) -> {
            synchronized (lock) {
                if (fetched != null) {
                    snapshot = fetched;
                }
                if (inFlight == fetch) {
                    inFlight = null;
                }
            }
        });
        return fetch;
    }

    private boolean usable(Snapshot cached, Instant now) {
        return cached != null && cached.fetchedAt().plus(ttl).plus(outageTolerance).isAfter(now);
    }

    private record Snapshot(JWKSet keys, Instant fetchedAt) {
    }
}
