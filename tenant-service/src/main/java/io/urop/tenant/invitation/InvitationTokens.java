package io.urop.tenant.invitation;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Invitation links: {@code <payload>.<HMAC-SHA256 of it>}, both base64url, where the payload is the
 * tenant, the invitation and its expiry. Only a link this service signed names a tenant it will bind;
 * the signature is compared in constant time.
 */
final class InvitationTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int PAYLOAD_BYTES = 16 + 16 + 8;

    private final SecretKeySpec key;

    InvitationTokens(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    String sign(UUID tenantId, UUID invitationId, Instant expiresAt) {
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES)
                .putLong(tenantId.getMostSignificantBits()).putLong(tenantId.getLeastSignificantBits())
                .putLong(invitationId.getMostSignificantBits()).putLong(invitationId.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond()).array();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The claims of a token this service signed, expired or not; empty for anything else. */
    Optional<Claims> verify(String token) {
        int dot = token.indexOf('.');
        if (dot < 0 || token.length() > 200) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (payload.length != PAYLOAD_BYTES || !MessageDigest.isEqual(mac(payload), signature)) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            return Optional.of(new Claims(new UUID(buffer.getLong(), buffer.getLong()),
                    new UUID(buffer.getLong(), buffer.getLong()), Instant.ofEpochSecond(buffer.getLong())));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    record Claims(UUID tenantId, UUID invitationId, Instant expiresAt) {
    }
}
