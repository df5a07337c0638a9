package io.urop.auth.password;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A reset's token is the HMAC-SHA256 of its id under a key only auth-service holds: 256 bits nobody can
 * guess, which auth-service can give notification-service again on request, so the token is neither
 * stored (only its SHA-256 hash, for the lookup) nor carried in an event.
 */
final class ResetTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    ResetTokens(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    String of(UUID resetId) {
        byte[] id = ByteBuffer.allocate(16).putLong(resetId.getMostSignificantBits())
                .putLong(resetId.getLeastSignificantBits()).array();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return ENCODER.encodeToString(mac.doFinal(id));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
