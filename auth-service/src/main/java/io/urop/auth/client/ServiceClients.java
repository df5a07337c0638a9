package io.urop.auth.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

import io.urop.auth.token.AccessTokens;
import io.urop.auth.token.AccessTokens.Grant;
import io.urop.auth.token.AccessTokens.IssuedToken;
import io.urop.auth.token.TokenProperties;
import io.urop.events.Uuid7;
import io.urop.contracts.Role;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/** Client-credentials tokens for the fleet's services calling each other: role SERVICE, no tenant. */
@Service
@EnableConfigurationProperties(ClientProperties.class)
class ServiceClients {

    private final ClientProperties clients;
    private final AccessTokens accessTokens;
    private final TokenProperties tokens;

    ServiceClients(ClientProperties clients, AccessTokens accessTokens, TokenProperties tokens) {
        this.clients = clients;
        this.accessTokens = accessTokens;
        this.tokens = tokens;
    }

    /** A token for the client, if the secret is its own (compared in constant time). */
    Optional<IssuedToken> issue(String clientId, String secret) {
        ClientProperties.Client client = clients.clients().get(clientId);
        boolean known = client != null && client.secret() != null && !client.secret().isBlank();
        byte[] expected = (known ? client.secret() : "").getBytes(StandardCharsets.UTF_8);
        boolean matches = MessageDigest.isEqual(expected, secret.getBytes(StandardCharsets.UTF_8));
        if (!known || !matches) {
            return Optional.empty();
        }
        return Optional.of(accessTokens.issue(Grant.of(clientId, null, Set.of(Role.SERVICE),
                "client:" + Uuid7.next(), Set.of()), tokens.serviceTokenTtl()));
    }
}
