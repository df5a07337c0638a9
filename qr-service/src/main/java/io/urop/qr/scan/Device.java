package io.urop.qr.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.ResponseCookie;

/**
 * A phone, as the random id of the cookie its scans carry: 128 bits nobody can guess, given by a scan that seated the
 * phone as a new guest and kept (a hash of it) by that session, so that no phone can pass for another, nor be handed an
 * id someone else chose. The cookie goes only to the scan path ({@code /q/}), never to a script (HttpOnly), and on a
 * cross-site request only when it is a navigation (SameSite=Lax), which is how a camera opens a code.
 */
record Device(String id) {

    static final String COOKIE = "urop_device";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The device the cookie names, if it can be one of ours; whether it is, the session knows. */
    static Optional<Device> presented(String cookie) {
        return cookie != null && ID.matcher(cookie).matches() ? Optional.of(new Device(cookie)) : Optional.empty();
    }

    static Device fresh() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return new Device(Base64.getUrlEncoder().withoutPadding().encodeToString(id));
    }

    /** What a session knows the phone by. */
    String key() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param secure whether the phone asked over https (then the cookie never goes over plain http) */
    ResponseCookie cookie(boolean secure, Duration maxAge) {
        return ResponseCookie.from(COOKIE, id).httpOnly(true).secure(secure).sameSite("Lax").path("/q/")
                .maxAge(maxAge).build();
    }

    @Override
    public String toString() {
        return "Device[...]";
    }
}
