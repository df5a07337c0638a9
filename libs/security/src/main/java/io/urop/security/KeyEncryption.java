package io.urop.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys sealed at rest under a key-encryption key from the environment (auth-service's signing keys, qr-service's
 * code keys), AES-256-GCM: what is stored is a random 12-byte nonce followed by the ciphertext and its tag. The
 * associated data (e.g. the owning tenant's id) must match on opening, so a sealed key copied onto another row
 * does not open.
 */
public final class KeyEncryption {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] NONE = new byte[0];

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public KeyEncryption(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    public byte[] encrypt(byte[] plain) {
        return encrypt(plain, NONE);
    }

    public byte[] encrypt(byte[] plain, byte[] associated) {
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
            throw new IllegalStateException("Could not encrypt a key", e);
        }
    }

    public byte[] decrypt(byte[] stored) {
        return decrypt(stored, NONE);
    }

    public byte[] decrypt(byte[] stored, byte[] associated) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(associated);
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt a key (wrong key-encryption key?)", e);
        }
    }
}
