package io.urop.auth.keys;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import io.urop.auth.keys.SigningKeys.ActiveKey;
import io.urop.events.Uuid7;
import io.urop.security.KeyEncryption;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's ES256 key ring: one active key signs; after {@code rotateAfter} a new key takes
 * over and the old one stays published in the JWKS for {@code publishFor}, so tokens it signed
 * keep verifying until they expire. Several auth-service instances agree through an advisory lock.
 * Private halves are stored encrypted under a key that is not in the database.
 */
@Service
public class KeyRing {

    /** How long a signing key is reused before the table is asked again (another instance may have rotated). */
    private static final Duration RECHECK_AFTER = Duration.ofSeconds(30);

    private final SigningKeys keys;
    private final KeyEncryption encryption;
    private final SigningKeyProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private volatile CachedKey cached;

    KeyRing(SigningKeys keys, SigningKeyProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactionManager);
        this.encryption = new KeyEncryption(properties.encryptionKeyBytes());
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The key that signs now (with its private half), rotated first when it is due. Kept in memory for
     * a short while, so signing a token does not cost a query and a decryption.
     */
    public ECKey signingKey() {
        CachedKey key = cached;
        Instant now = clock.instant();
        if (key == null || now.isAfter(key.recheckAt())) {
            key = new CachedKey(transactions.execute(status -> loadSigningKey()), now.plus(RECHECK_AFTER));
            cached = key;
        }
        return key.key();
    }

    /** The key that signs now, read from the table, rotated first when it is due. */
    private ECKey loadSigningKey() {
        Optional<ActiveKey> active = keys.active();
        if (active.isPresent() && active.get().createdAt().plus(properties.rotateAfter()).isAfter(clock.instant())) {
            return decrypt(active.get());
        }
        return rotate();
    }

    /** Retires the active key (it stays published for {@code publishFor}) and makes a new one active. */
    @Transactional
    public ECKey rotate() {
        cached = null;
        keys.lockRotation();
        Instant now = clock.instant();
        ECKey key = generate();
        keys.retireActive(now);
        keys.insert(key.getKeyID(), key.toPublicJWK().toJSONString(),
                encryption.encrypt(key.toJSONString().getBytes(StandardCharsets.UTF_8)), now);
        return key;
    }

    /** The public keys verifiers need: the active one and those retired less than {@code publishFor} ago. */
    @Transactional(readOnly = true)
    public JWKSet publishedKeys() {
        return new JWKSet(keys.publicKeysRetiredAfter(clock.instant().minus(properties.publishFor())).stream()
                .map(KeyRing::parse).toList());
    }

    /** A key exists before the first token or JWKS request, so neither pays for generating it. */
    @EventListener(ApplicationReadyEvent.class)
    void ensureKey() {
        signingKey();
    }

    private ECKey decrypt(ActiveKey stored) {
        return (ECKey) parse(new String(encryption.decrypt(stored.encryptedPrivateKey()), StandardCharsets.UTF_8));
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(Uuid7.next().toString()).algorithm(JWSAlgorithm.ES256)
                    .keyUse(KeyUse.SIGNATURE).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a signing key", e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        }
        catch (ParseException e) {
            throw new IllegalStateException("A stored signing key is unreadable", e);
        }
    }

    private record CachedKey(ECKey key, Instant recheckAt) {
    }
}
