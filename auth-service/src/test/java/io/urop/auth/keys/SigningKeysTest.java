package io.urop.auth.keys;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.urop.security.KeyEncryption;
import io.urop.test.Databases;
import io.urop.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class SigningKeysTest {

    @Autowired
    RestTestClient http;

    @Autowired
    KeyRing keys;

    @Value("${urop.auth.keys.encryption-key}")
    String encryptionKey;

    final JdbcTemplate superuser = Databases.asSuperuser("auth");

    @Test
    void theJwksServesOnlyPublicEs256KeysAndIsCacheable() throws Exception {
        String body = http.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("Cache-Control", ".*max-age=300.*")
                .returnResult(String.class).getResponseBody();
        JWKSet served = JWKSet.parse(body);

        assertThat(served.getKeys()).isNotEmpty().allSatisfy(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            assertThat(((ECKey) key).getCurve()).isEqualTo(Curve.P_256);
        });
        assertThat(body).doesNotContain("\"d\"");
    }

    @Test
    void aTokenSignedWithTheActiveKeyVerifiesWithTheServedKey() throws Exception {
        ECKey signing = keys.signingKey();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signing.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("someone").expirationTime(new Date(System.currentTimeMillis() + 60_000)).build());
        token.sign(new ECDSASigner(signing));

        JWKSet served = JWKSet.parse(http.get().uri("/.well-known/jwks.json").exchange()
                .returnResult(String.class).getResponseBody());
        ECKey published = (ECKey) served.getKeyByKeyId(signing.getKeyID());

        assertThat(published).isNotNull();
        assertThat(SignedJWT.parse(token.serialize()).verify(new ECDSAVerifier(published))).isTrue();
    }

    @Test
    void thePrivateHalfIsStoredEncryptedUnderTheConfiguredKey() {
        ECKey signing = keys.signingKey();
        byte[] stored = superuser.queryForObject("select private_key from signing_keys where kid = ?", byte[].class,
                signing.getKeyID());
        String d = signing.getD().toString();

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(d);
        assertThat(new String(new KeyEncryption(Base64.getDecoder().decode(encryptionKey)).decrypt(stored),
                StandardCharsets.UTF_8)).contains(d);
    }

    @Test
    void aRotatedKeyStaysPublishedUntilItsTokensHaveExpired() {
        ECKey before = keys.signingKey();

        ECKey after = keys.rotate();

        assertThat(keys.signingKey().getKeyID()).isEqualTo(after.getKeyID()).isNotEqualTo(before.getKeyID());
        assertThat(kids()).contains(before.getKeyID(), after.getKeyID());

        superuser.update("update signing_keys set retired_at = now() - interval '2 hours' where kid = ?", before.getKeyID());
        assertThat(kids()).contains(after.getKeyID()).doesNotContain(before.getKeyID());
    }

    private List<String> kids() {
        return keys.publishedKeys().getKeys().stream().map(key -> key.getKeyID()).toList();
    }
}
