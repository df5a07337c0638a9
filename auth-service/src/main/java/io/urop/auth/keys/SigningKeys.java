package io.urop.auth.keys;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import io.urop.events.Uuid7;
import io.urop.security.KeyEncryption;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's ES256 key ring: one active key signs; after {@code rotateAfter} a new key takes
 * over and the old one stays published in the JWKS for {@code publishFor}, so tokens it signed
 * keep verifying until they expire. Several auth-service instances agree through an advisory lock.
 */
@Service
public class SigningKeys {

    private static final long ROTATION_LOCK = 0x75726f702e6b6579L; // "urop.key"

    /** How long a signing key is reused before the table is asked again (another instance may have rotated). */
    private static final Duration RECHECK_AFTER = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final KeyEncryption encryption;
    private final SigningKeyProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private volatile CachedKey cached;

    SigningKeys(JdbcTemplate jdbc, SigningKeyProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
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
        List<StoredKey> active = jdbc.query("select kid, private_key, created_at from signing_keys where retired_at is null",
                (rs, n) -> new StoredKey(rs.getBytes("private_key"), rs.getTimestamp("created_at").toInstant()));
        if (!active.isEmpty() && active.get(0).createdAt().plus(properties.rotateAfter()).isAfter(clock.instant())) {
            return decrypt(active.get(0));
        }
        return rotate();
    }

    /** Retires the active key (it stays published for {@code publishFor}) and makes a new one active. */
    @Transactional
    public ECKey rotate() {
        cached = null;
        jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, ROTATION_LOCK);
        Instant now = clock.instant();
        ECKey key = generate();
        jdbc.update("update signing_keys set retired_at = ? where retired_at is null", Timestamp.from(now));
        jdbc.update("insert into signing_keys (kid, public_jwk, private_key, created_at) values (?, ?, ?, ?)",
                key.getKeyID(), key.toPublicJWK().toJSONString(),
                encryption.encrypt(key.toJSONString().getBytes(StandardCharsets.UTF_8)), Timestamp.from(now));
        return key;
    }

    /** The public keys verifiers need: the active one and those retired less than {@code publishFor} ago. */
    @Transactional(readOnly = true)
    public JWKSet publishedKeys() {
        Timestamp oldest = Timestamp.from(clock.instant().minus(properties.publishFor()));
        List<JWK> keys = jdbc.query("""
                select public_jwk from signing_keys where retired_at is null or retired_at > ?
                order by created_at desc""", (rs, n) -> parse(rs.getString("public_jwk")), oldest);
        return new JWKSet(keys);
    }

    /** A key exists before the first token or JWKS request, so neither pays for generating it. */
    @EventListener(ApplicationReadyEvent.class)
    void ensureKey() {
        signingKey();
    }

    private ECKey decrypt(StoredKey stored) {
        return (ECKey) parse(new String(encryption.decrypt(stored.privateKey()), StandardCharsets.UTF_8));
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

    private record StoredKey(byte[] privateKey, Instant createdAt) {
    }
}
