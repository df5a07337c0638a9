package io.urop.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.urop.infra.DatabaseAccounts;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * Gives a service under test what the fleet gives it in production: the config server's settings
 * (read straight from {@code config-repo/}) and the addresses of real PostgreSQL, Kafka and Redis,
 * with the service's own database provisioned and the application connecting as its non-owner role.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String service = environment.getRequiredProperty("spring.application.name");
        Path configRepo = ConfigRepo.directory();
        for (String file : List.of(service + ".yml", "application.yml")) {
            for (PropertySource<?> source : load(configRepo.resolve(file))) {
                environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
            }
        }
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String database = environment.getProperty("urop.db");
        Map<String, Object> addresses = new HashMap<>(Map.of(
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "spring.data.redis.url", infrastructure.redisUrl()));
        if (database != null) {
            DatabaseAccounts accounts = infrastructure.database(database);
            addresses.putAll(Map.of(
                    "spring.datasource.url", accounts.jdbcUrl(),
                    "spring.datasource.username", accounts.appUser(),
                    "spring.datasource.password", accounts.appPassword(),
                    "spring.flyway.user", accounts.ownerUser(),
                    "spring.flyway.password", accounts.ownerPassword()));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("urop-test-infrastructure", addresses));
    }

    private static List<PropertySource<?>> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return new YamlPropertySourceLoader().load("config-repo " + file.getFileName(), new FileSystemResource(file));
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
