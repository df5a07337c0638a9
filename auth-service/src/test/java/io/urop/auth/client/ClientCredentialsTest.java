package io.urop.auth.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.urop.auth.AuthClient;
import io.urop.security.AccessTokenVerifier;
import io.urop.contracts.Role;
import io.urop.security.VerifiedToken;
import io.urop.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class ClientCredentialsTest {

    @Autowired
    RestTestClient http;

    @Autowired
    AccessTokenVerifier verifier;

    @Test
    void aServiceGetsATokenOfItsOwnWithoutATenant() {
        VerifiedToken token = verifier.verify(new AuthClient(http).serviceToken());

        assertThat(token.subject()).isEqualTo(AuthClient.CLIENT_ID);
        assertThat(token.roles()).containsExactly(Role.SERVICE);
        assertThat(token.tenantId()).isNull();
    }

    @Test
    void aWrongSecretAnUnknownClientOrNoCredentialsAreRefused() {
        for (String credentials : new String[] { "tenant-service:wrong", "qr-service:", "nobody:secret", "garbage" }) {
            token("Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)),
                    "client_credentials")
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        token(null, "client_credentials").expectStatus().isUnauthorized();
        token("Basic %%%", "client_credentials").expectStatus().isUnauthorized();
    }

    @Test
    void onlyTheClientCredentialsGrantIsServed() {
        String basic = Base64.getEncoder().encodeToString(
                (AuthClient.CLIENT_ID + ":" + AuthClient.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        token("Basic " + basic, "password").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private RestTestClient.ResponseSpec token(String authorization, String grantType) {
        RestTestClient.RequestBodySpec request = http.post().uri("/oauth2/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.body("grant_type=" + grantType).exchange();
    }
}
