package io.urop.qr.token;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under the key-encryption key: what is stored is a random 12-byte nonce followed by the ciphertext
 * and its tag. The tenant id is the associated data, so a sealed key copied onto another tenant's row does not open.
 */
final class KeyEncryption {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    KeyEncryption(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    byte[] encrypt(byte[] plain, byte[] associated) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a QR key", e);
        }
    }

    byte[] decrypt(byte[] stored, byte[] associated) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(associated);
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt a QR key (wrong key-encryption key?)", e);
        }
    }
}
