package io.urop.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for auth-service: ES256 keys generated here, their public halves served as a JWKS on a
 * free local port, and access tokens signed with them, valid unless a test says
 * otherwise.
 */
final class TestAuthServer implements AutoCloseable {

    static final String ISSUER = "urop-auth";
    static final String AUDIENCE = "urop";
    static final String JWKS_PATH = "/.well-known/jwks.json";

    private final HttpServer server;

    private final List<JWK> published = new CopyOnWriteArrayList<>();

    private final ECKey signingKey;

    private TestAuthServer() throws IOException {
        this.signingKey = newKey();
        this.published.add(signingKey.toPublicJWK());
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        this.server.createContext(JWKS_PATH, this::serveJwks);
        this.server.start();
    }

    static TestAuthServer start() {
        try {
            return new TestAuthServer();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new ES256 key with a random kid, not published. */
    static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String jwksUri() {
        return baseUri() + JWKS_PATH;
    }

    /** Adds the public half of a key to the JWKS (a rotation announced by auth-service). */
    void publish(ECKey key) {
        published.add(key.toPublicJWK());
    }

    ECKey signingKey() {
        return signingKey;
    }

    /** The claims of a valid access token: a fresh session of an owner of a random tenant. */
    static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(UUID.randomUUID().toString())
                .claim("sid", UUID.randomUUID().toString())
                .claim("tid", UUID.randomUUID().toString())
                .claim("roles", List.of("OWNER"))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
    }

    /** A diner's token, as auth-service mints one after a scan: role DINER, {@code sid} its table session. */
    String dinerToken(String tenant, String tableSession) {
        return token(claims -> claims.claim("tid", tenant).claim("sid", tableSession).claim("roles", List.of("DINER")));
    }

    /** A valid access token. */
    String token() {
        return token(claims -> {
        });
    }

    /** A token signed with the published key, its claims changed from the valid ones. */
    String token(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = validClaims();
        change.accept(claims);
        return sign(signingKey, claims.build());
    }

    /** ES256 with the key's kid and {@code typ: at+jwt}, as auth-service signs. */
    static String sign(ECKey key, JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(new JOSEObjectType("at+jwt"))
                .build(), claims, signer(key));
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static JWSSigner signer(ECKey key) {
        try {
            return new ECDSASigner(key);
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serveJwks(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = new JWKSet(List.copyOf(published)).toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
