package io.urop.security.testapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.nimbusds.jose.jwk.ECKey;
import io.urop.security.TestTokens;
import io.urop.test.http.JwksServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet's setting, {@code lb://auth-service/.well-known/jwks.json}, through Spring Cloud
 * LoadBalancer: here the simple discovery client plays Eureka and knows the one instance.
 */
@SpringBootTest(classes = ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "urop.security.jwks-uri=lb://auth-service/.well-known/jwks.json")
class LoadBalancedJwksTest {

    static final ECKey KEY = TestTokens.newKey("lb-k1");
    static final JwksServer AUTH_SERVICE = JwksServer.serving(KEY);

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void discovery(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.auth-service[0].uri",
                () -> AUTH_SERVICE.uri().resolve("/").toString());
    }

    @AfterAll
    static void stop() {
        AUTH_SERVICE.close();
    }

    @Test
    void theJwksIsFetchedFromTheInstanceDiscoveryKnows() throws Exception {
        assertThat(get(TestTokens.sign(KEY, TestTokens.claims(UUID.randomUUID(), "OWNER")))).isEqualTo(200);
        assertThat(AUTH_SERVICE.fetches()).isEqualTo(1);

        assertThat(get(TestTokens.sign(TestTokens.newKey("elsewhere"), TestTokens.claims(UUID.randomUUID(), "OWNER"))))
                .isEqualTo(401);
    }

    private int get(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
