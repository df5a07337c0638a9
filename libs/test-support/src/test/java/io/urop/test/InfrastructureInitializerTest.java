package io.urop.test;

import java.util.Map;

import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureInitializerTest {

    @Test
    void theServiceVerifiesTokensOfTheTestIssuerRatherThanAuthService() {
        GenericApplicationContext context = contextOf(Map.of("spring.application.name", "menu-service"));

        new InfrastructureInitializer().initialize(context);

        assertThat(context.getEnvironment().getProperty("urop.security.jwks-uri"))
                .as("config-repo says lb://auth-service/...").isEqualTo(TestTokens.jwksUri().toString());
        assertThat(context.getEnvironment().getProperty("urop.db")).as("from menu-service.yml").isEqualTo("menu");
    }

    @Test
    void aTestMayStillPointTheServiceAtAnotherJwks() {
        GenericApplicationContext context = contextOf(Map.of("spring.application.name", "menu-service",
                "urop.security.jwks-uri", "http://127.0.0.1:1/.well-known/jwks.json"));

        new InfrastructureInitializer().initialize(context);

        assertThat(context.getEnvironment().getProperty("urop.security.jwks-uri"))
                .isEqualTo("http://127.0.0.1:1/.well-known/jwks.json");
    }

    /** As a test's own properties are: ahead of everything the environment had. */
    private static GenericApplicationContext contextOf(Map<String, Object> testProperties) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test properties", testProperties));
        return context;
    }
}
