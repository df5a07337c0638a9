package io.urop.qr.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a table's printed code carries: {@code v1.<tenant>.<table>.<version>.<mac>}, the two ids as base64url of
 * their 16 bytes, the table's code version in decimal, and the HMAC-SHA256 (base64url, unpadded) of everything before
 * the last dot under the tenant's QR key. Nothing in it is secret; only the key can make one.
 */
public record QrToken(UUID tenantId, UUID tableId, int version) {

    private static final String PREFIX = "v1";
    private static final Pattern FORMAT = Pattern.compile(
            "v1\\.([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{22})\\.([1-9][0-9]{0,8})\\.([A-Za-z0-9_-]{43})");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public QrToken {
        if (version < 1) {
            throw new IllegalArgumentException("a code version starts at 1");
        }
    }

    /** The code's text, signed with the key. */
    public String sign(byte[] key) {
        String signed = signedPart();
        return signed + "." + ENCODER.encodeToString(mac(key, signed));
    }

    private String signedPart() {
        return PREFIX + "." + encode(tenantId) + "." + encode(tableId) + "." + version;
    }

    /**
     * Reads a code's text, without checking its signature yet: empty for anything not shaped like a code (or
     * whose ids are not written the one way {@link #sign} writes them).
     */
    public static Optional<Presented> read(String text) {
        if (text == null || text.length() > 120) {
            return Optional.empty();
        }
        Matcher parts = FORMAT.matcher(text);
        if (!parts.matches()) {
            return Optional.empty();
        }
        UUID tenant = decode(parts.group(1));
        UUID table = decode(parts.group(2));
        QrToken token = new QrToken(tenant, table, Integer.parseInt(parts.group(3)));
        byte[] signature = DECODER.decode(parts.group(4));
        // one spelling per code: base64 leaves spare bits in the last character, which must be zero
        if (!token.signedPart().equals(text.substring(0, text.lastIndexOf('.')))
                || !ENCODER.encodeToString(signature).equals(parts.group(4))) {
            return Optional.empty();
        }
        return Optional.of(new Presented(token, token.signedPart(), signature));
    }

    /** A code as presented at a scan: what it claims, and the signature to check before believing it. */
    public record Presented(QrToken claims, String signedPart, byte[] signature) {

        /** Whether the key made this signature; in constant time, so timing tells nothing of the right one. */
        public boolean isSignedWith(byte[] key) {
            return MessageDigest.isEqual(mac(key, signedPart), signature);
        }
    }

    private static byte[] mac(byte[] key, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String encode(UUID id) {
        return ENCODER.encodeToString(ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array());
    }

    private static UUID decode(String text) {
        ByteBuffer bytes = ByteBuffer.wrap(DECODER.decode(text));
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
