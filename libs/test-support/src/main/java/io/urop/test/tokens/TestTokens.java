package io.urop.test.tokens;

import java.net.URI;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.urop.contracts.Role;
import io.urop.test.http.JwksServer;

/**
 * The test JVM's token issuer, standing in for auth-service: one ES256 key, its JWKS served on a free
 * port ({@link #jwksUri()}, which {@link io.urop.test.InfrastructureInitializer} sets as
 * {@code urop.security.jwks-uri}), started on first use. Mints real tokens:
 * {@code TestTokens.user(tenantId, Role.OWNER).locations(location).sign()}, and the ones a verifier must
 * refuse ({@link TokenBuilder#signTampered()}, {@link TokenIssuer#refusedTokens()}, ...).
 */
public final class TestTokens {

    /** What auth-service puts in {@code iss} and {@code aud}, and what {@code urop.security} requires by default. */
    public static final String ISSUER = "urop-auth";
    public static final String AUDIENCE = "urop";

    private TestTokens() {
    }

    /** This JVM's issuer, whose key the JWKS at {@link #jwksUri()} publishes. */
    public static TokenIssuer issuer() {
        return Jvm.ISSUER;
    }

    public static URI jwksUri() {
        return Jvm.JWKS.uri();
    }

    /** A user of that tenant; sign with {@link TokenBuilder#sign()}. */
    public static TokenBuilder user(UUID tenantId, Role... roles) {
        return issuer().user(tenantId, roles);
    }

    /** A platform admin, without a tenant. */
    public static TokenBuilder platformAdmin() {
        return issuer().platformAdmin();
    }

    /** A fleet service calling with client credentials, without a tenant. */
    public static TokenBuilder service(String clientId) {
        return issuer().service(clientId);
    }

    /** A fresh EC P-256 key, e.g. one no JWKS publishes. */
    public static ECKey newKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Started on first use, once per JVM, and stopped with it. */
    private static final class Jvm {

        static final ECKey KEY = newKey("test-" + UUID.randomUUID());
        static final JwksServer JWKS = JwksServer.serving(KEY);
        static final TokenIssuer ISSUER = TokenIssuer.signingWith(() -> KEY);

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(JWKS::close, "test-jwks-stop"));
        }
    }
}
