package io.urop.auth.keys;

import java.time.Duration;
import java.util.Base64;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param encryptionKey base64 of the 32-byte AES key that encrypts the private keys at rest (a secret:
 *                      from the environment, {@code UROP_AUTH_KEY_ENCRYPTION_KEY})
 * @param rotateAfter how long a key signs before a new one takes over
 * @param publishFor how long a retired key stays in the JWKS: longer than the tokens it signed live
 */
@ConfigurationProperties("urop.auth.keys")
record SigningKeyProperties(
        String encryptionKey,
        @DefaultValue("30d") Duration rotateAfter,
        @DefaultValue("1h") Duration publishFor) {

    SigningKeyProperties {
        if (encryptionKey == null || encryptionKey.isBlank()) {
            throw new IllegalStateException("urop.auth.keys.encryption-key is not set (UROP_AUTH_KEY_ENCRYPTION_KEY)");
        }
        if (Base64.getDecoder().decode(encryptionKey).length != 32) {
            throw new IllegalStateException("urop.auth.keys.encryption-key must be 32 bytes, base64-encoded");
        }
    }

    byte[] encryptionKeyBytes() {
        return Base64.getDecoder().decode(encryptionKey);
    }
}
