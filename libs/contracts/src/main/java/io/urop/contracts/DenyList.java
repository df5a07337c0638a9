package io.urop.contracts;

import java.util.UUID;

/**
 * Where auth-service puts a revoked session for the gateway and the services to find, in the Redis that keeps state:
 * a deny-list key per session, with a TTL of at least its tokens' remaining life, and a stream of revocations that
 * lets a reader keep a copy in memory.
 */
public final class DenyList {

    public static final String KEY_PREFIX = "urop:auth:revoked-session:";

    /** Entries with the fields {@link #SESSION_FIELD} and {@link #UNTIL_FIELD}. */
    public static final String STREAM = "urop:auth:revoked-sessions";

    /** The revoked session's id ({@link AccessTokenClaims#SESSION}). */
    public static final String SESSION_FIELD = "sid";

    /** Until when its tokens could live, in epoch milliseconds: after that the entry no longer matters. */
    public static final String UNTIL_FIELD = "until";

    private DenyList() {
    }

    /** The key that lists the session, whatever its value. */
    public static String key(String session) {
        return KEY_PREFIX + session;
    }

    /** The key that lists the session, whatever its value. */
    public static String key(UUID session) {
        return key(session.toString());
    }
}
