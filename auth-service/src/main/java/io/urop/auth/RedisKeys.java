package io.urop.auth;

import java.util.List;
import java.util.UUID;

import io.urop.contracts.DenyList;

/**
 * Every Redis key auth-service reads or writes, built here and nowhere else. Keys that name a person or a client
 * hold SHA-256 hashes ({@link OpaqueTokens#hash}), never an email or an address.
 */
public final class RedisKeys {

    private static final String PREFIX = "urop:auth:";

    /** The stream of revocations that the gateway follows, as libs/contracts names it for both. */
    public static final String REVOCATION_STREAM = DenyList.STREAM;

    private RedisKeys() {
    }

    /** Lists a revoked session for whoever cannot follow the stream: the key every verifier shares. */
    public static String revokedSession(UUID sessionId) {
        return DenyList.key(sessionId);
    }

    /** The tenant of a table session whose diners have tokens. */
    public static String tableSession(UUID tableSessionId) {
        return PREFIX + "table-session:" + tableSessionId;
    }

    /** One email's fixed-window {@code counter}; the email as accounts store it (lower-cased, stripped). */
    public static String emailCounter(String counter, String email) {
        return PREFIX + counter + ":" + OpaqueTokens.hash(email);
    }

    /**
     * The keys of {@code redis/login-attempt.lua} and {@code redis/login-success.lua}, in their order: the email's
     * attempts from the client, its attempts from new clients, the clients it signed in from. One hash tag per email,
     * so that a script may use all of them on a Redis cluster too.
     *
     * @param email     as accounts store it (lower-cased, stripped)
     * @param clientKey the client's hash
     */
    public static List<String> loginAttempts(String email, String clientKey) {
        String prefix = PREFIX + "login:{" + OpaqueTokens.hash(email) + "}:";
        return List.of(prefix + "client:" + clientKey, prefix + "new-clients", prefix + "known-clients");
    }
}
