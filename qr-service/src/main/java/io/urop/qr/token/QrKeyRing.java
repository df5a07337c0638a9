package io.urop.qr.token;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.urop.qr.table.SigningKeyVersions;
import io.urop.security.KeyEncryption;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Each tenant's QR keys: 32 random bytes per version, the newest signing, all of them verifying. A tenant's first key
 * is made when its first code is. Keys are stored encrypted under the key-encryption key ({@link QrKeys}) and, once
 * opened, kept in memory (a version never changes). Called inside a transaction bound to the tenant.
 */
@Component
@EnableConfigurationProperties(QrKeyProperties.class)
public class QrKeyRing implements SigningKeyVersions {

    private static final int KEY_BYTES = 32;

    private final QrKeys keys;
    private final KeyEncryption encryption;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<TenantKey, byte[]> opened = Caffeine.newBuilder().maximumSize(50_000).build();

    QrKeyRing(QrKeys keys, QrKeyProperties properties, Clock clock) {
        this.keys = keys;
        this.encryption = new KeyEncryption(properties.encryptionKeyBytes());
        this.clock = clock;
    }

    @Override
    public int current(UUID tenantId) {
        return keys.newest(tenantId).orElse(1);
    }

    /** The version that signs the tenant's new codes; the tenant's first key if it has none yet. */
    public int signingVersion(UUID tenantId) {
        return keys.newest(tenantId).orElseGet(() -> {
            add(tenantId, 1);
            return keys.newest(tenantId).orElseThrow();
        });
    }

    /** Adds the tenant's next key, which signs its new and rotated codes from now on; older codes keep working. */
    public int rotate(UUID tenantId) {
        int next = keys.newest(tenantId).orElse(0) + 1;
        add(tenantId, next);
        return next;
    }

    public Optional<byte[]> key(UUID tenantId, int version) {
        TenantKey id = new TenantKey(tenantId, version);
        byte[] key = opened.getIfPresent(id);
        if (key != null) {
            return Optional.of(key);
        }
        Optional<byte[]> stored = keys.sealed(tenantId, version)
                .map(sealed -> encryption.decrypt(sealed, associated(tenantId, version)));
        stored.ifPresent(found -> opened.put(id, found));
        return stored;
    }

    /** Every key version of the tenant, newest first. */
    public List<Integer> versions(UUID tenantId) {
        return keys.versions(tenantId);
    }

    private void add(UUID tenantId, int version) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        // two first codes at once: one key is kept, and both read it back
        keys.add(tenantId, version, encryption.encrypt(key, associated(tenantId, version)), clock.instant());
    }

    private static byte[] associated(UUID tenantId, int version) {
        return ByteBuffer.allocate(20).putLong(tenantId.getMostSignificantBits())
                .putLong(tenantId.getLeastSignificantBits()).putInt(version).array();
    }

    private record TenantKey(UUID tenantId, int version) {
    }
}
