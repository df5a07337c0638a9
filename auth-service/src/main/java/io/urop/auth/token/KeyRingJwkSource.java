package io.urop.auth.token;

import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import io.urop.auth.keys.KeyRing;

/**
 * The key ring's published keys, read again at most once a second: on an unknown kid (another instance
 * rotated) and otherwise every minute, so a flood of made-up kids costs at most one query a second.
 */
final class KeyRingJwkSource implements JWKSource<SecurityContext> {

    private static final long REFRESH_NANOS = Duration.ofMinutes(1).toNanos();
    private static final long MIN_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private final KeyRing keys;
    private volatile JWKSet current;
    private volatile long loadedAt;

    KeyRingJwkSource(KeyRing keys) {
        this.keys = keys;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        JWKSet set = current;
        if (set == null || System.nanoTime() - loadedAt > REFRESH_NANOS) {
            set = load(REFRESH_NANOS);
        }
        List<JWK> found = selector.select(set);
        if (found.isEmpty()) {
            found = selector.select(load(MIN_INTERVAL_NANOS));
        }
        return found;
    }

    /** Reads the keys unless another thread did less than {@code unlessWithinNanos} ago. */
    private synchronized JWKSet load(long unlessWithinNanos) {
        if (current == null || System.nanoTime() - loadedAt > unlessWithinNanos) {
            current = keys.publishedKeys();
            loadedAt = System.nanoTime();
        }
        return current;
    }
}
