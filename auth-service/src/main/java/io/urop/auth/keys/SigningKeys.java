package io.urop.auth.keys;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The signing_keys table: the key ring's keys, the public half as a JWK, the private half as the key ring encrypted
 * it. Platform-wide, not a tenant's.
 */
@Repository
class SigningKeys {

    private static final long ROTATION_LOCK = 0x75726f702e6b6579L; // "urop.key"

    private final JdbcClient jdbc;

    SigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes the instances of auth-service rotate one at a time, until the current transaction ends. */
    void lockRotation() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(ROTATION_LOCK).query().singleRow();
    }

    /** The key that signs now, if there is one. */
    Optional<ActiveKey> active() {
        return jdbc.sql("select private_key, created_at from signing_keys where retired_at is null")
                .query((rs, n) -> new ActiveKey(rs.getBytes("private_key"), rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    void retireActive(Instant at) {
        jdbc.sql("update signing_keys set retired_at = ? where retired_at is null").param(Timestamp.from(at)).update();
    }

    void insert(String kid, String publicJwk, byte[] encryptedPrivateKey, Instant createdAt) {
        jdbc.sql("insert into signing_keys (kid, public_jwk, private_key, created_at) values (?, ?, ?, ?)")
                .params(kid, publicJwk, encryptedPrivateKey, Timestamp.from(createdAt)).update();
    }

    /** The public JWKs of the active key and of those retired after {@code retiredAfter}, newest first. */
    List<String> publicKeysRetiredAfter(Instant retiredAfter) {
        return jdbc.sql("""
                select public_jwk from signing_keys where retired_at is null or retired_at > ?
                order by created_at desc""").param(Timestamp.from(retiredAfter)).query(String.class).list();
    }

    /** The active key's private half, encrypted, and when it began to sign. */
    record ActiveKey(byte[] encryptedPrivateKey, Instant createdAt) {
    }
}
