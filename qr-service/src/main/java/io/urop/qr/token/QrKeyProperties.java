package io.urop.qr.token;

import java.util.Base64;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tenants' QR keys ({@code urop.qr.keys.*}).
 *
 * @param encryptionKey base64 of the 32-byte AES key that encrypts every tenant's QR keys at rest (a secret: from
 *                      the environment, {@code UROP_QR_KEY_ENCRYPTION_KEY})
 */
@ConfigurationProperties("urop.qr.keys")
record QrKeyProperties(String encryptionKey) {

    QrKeyProperties {
        if (encryptionKey == null || encryptionKey.isBlank()) {
            throw new IllegalStateException("urop.qr.keys.encryption-key is not set (UROP_QR_KEY_ENCRYPTION_KEY)");
        }
        if (Base64.getDecoder().decode(encryptionKey).length != 32) {
            throw new IllegalStateException("urop.qr.keys.encryption-key must be 32 bytes, base64-encoded");
        }
    }

    byte[] encryptionKeyBytes() {
        return Base64.getDecoder().decode(encryptionKey);
    }

    @Override
    public String toString() {
        return "QrKeyProperties[encryptionKey=(secret)]";
    }
}
