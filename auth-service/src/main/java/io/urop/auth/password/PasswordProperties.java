package io.urop.auth.password;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password resets ({@code urop.auth.password-reset.*}).
 *
 * @param url        the staff app's page where a new password is chosen; the token is appended
 * @param validFor   how long an emailed reset link works
 * @param signingKey base64 of 32 random bytes from which reset tokens are derived (a secret: from the
 *                   environment, {@code UROP_PASSWORD_RESET_SIGNING_KEY}); links sent before a change stop working
 */
@ConfigurationProperties("urop.auth.password-reset")
record PasswordProperties(@DefaultValue("http://localhost:8080/password-reset/") URI url,
        @DefaultValue("30m") Duration validFor, String signingKey) {

    PasswordProperties {
        if (signingKey == null || signingKey.isBlank()) {
            throw new IllegalStateException(
                    "urop.auth.password-reset.signing-key is not set (UROP_PASSWORD_RESET_SIGNING_KEY)");
        }
        if (Base64.getDecoder().decode(signingKey).length != 32) {
            throw new IllegalStateException("urop.auth.password-reset.signing-key must be 32 bytes, base64-encoded");
        }
    }

    byte[] signingKeyBytes() {
        return Base64.getDecoder().decode(signingKey);
    }

    @Override
    public String toString() {
        return "PasswordProperties[url=" + url + ", validFor=" + validFor + "]";
    }
}
