package io.urop.auth.token;

import io.urop.auth.keys.KeyRing;
import io.urop.security.AccessTokenVerifier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * auth-service checks the tokens sent to it, like every service, but against its own key ring
 * rather than over HTTP against its own JWKS.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
class TokensConfiguration {

    @Bean(destroyMethod = "close")
    AccessTokenVerifier accessTokenVerifier(KeyRing keys, TokenProperties properties) {
        return AccessTokenVerifier.builder()
                .jwkSource(new KeyRingJwkSource(keys))
                .issuer(properties.issuer())
                .audience(properties.audience())
                .build();
    }
}
