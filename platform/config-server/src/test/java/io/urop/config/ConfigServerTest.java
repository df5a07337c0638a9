package io.urop.config;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.structured.format.console=")
@AutoConfigureRestTestClient
class ConfigServerTest {

    @Autowired
    RestTestClient http;

    @DynamicPropertySource
    static void configRepo(DynamicPropertyRegistry registry) {
        Path repo = Path.of("../../config-repo").toAbsolutePath().normalize();
        assertThat(Files.isRegularFile(repo.resolve("application.yml"))).isTrue();
        registry.add("spring.cloud.config.server.native.search-locations", () -> repo.toUri().toString());
    }

    @Test
    void servesTheServiceAndTheSharedSettingsWithTheDevstackProfileOnTop() {
        String json = http.get().uri("/tenant-service/devstack").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        assertThat(json).contains("application-devstack.yml").contains("application.yml").contains("tenant-service.yml")
                .contains("\"urop.db\":\"tenant\"")
                .contains("\"spring.datasource.username\":\"${urop.db}_app\"")
                .contains("\"eureka.client.registry-fetch-interval-seconds\":2");
        assertThat(json.indexOf("application-devstack.yml")).isLessThan(json.indexOf("application.yml\""));
    }

    @Test
    void healthProbesAnswer() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }
}
