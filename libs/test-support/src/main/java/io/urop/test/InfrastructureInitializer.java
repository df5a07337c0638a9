package io.urop.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.urop.infra.DatabaseAccounts;
import io.urop.infra.S3Server;
import io.urop.infra.SmtpServer;
import io.urop.test.tokens.TestTokens;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.util.ClassUtils;

/**
 * Gives a service under test what the fleet gives it in production: the config server's settings
 * (read straight from {@code config-repo/}) and the addresses of real PostgreSQL, Kafka and Redis (and S3,
 * for a service whose tests put s3proxy on the classpath; a cache's own Redis for a service that keeps one; SMTP
 * for a service that sends email),
 * with the service's own database provisioned and the application connecting as its non-owner role.
 * A service that verifies access tokens (libs/security) gets the JWKS of {@link TestTokens}' issuer,
 * instead of auth-service's; a test may still point {@code urop.security.jwks-uri} elsewhere.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final boolean STORES_IN_S3 = ClassUtils.isPresent("org.gaul.s3proxy.S3Proxy",
            InfrastructureInitializer.class.getClassLoader());

    private static final boolean SENDS_EMAIL = ClassUtils.isPresent(
            "org.springframework.mail.javamail.JavaMailSender", InfrastructureInitializer.class.getClassLoader());

    /** Where a service that keeps a cache of its own finds its Redis apart from the state it must not lose. */
    private static final String CACHE_REDIS_URL = "urop.cache.redis-url";

    private static final boolean VERIFIES_TOKENS = ClassUtils.isPresent("io.urop.security.AccessTokenVerifier",
            InfrastructureInitializer.class.getClassLoader());

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String service = environment.getRequiredProperty("spring.application.name");
        Path configRepo = ConfigRepo.directory();
        // each lands right after the environment variables, so the last added wins: the service's own file
        for (String file : List.of("application.yml", service + ".yml")) {
            for (PropertySource<?> source : load(configRepo.resolve(file))) {
                environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
            }
        }
        if (VERIFIES_TOKENS) {
            environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new MapPropertySource("urop-test-token-issuer",
                            Map.of("urop.security.jwks-uri", TestTokens.jwksUri().toString())));
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
        if (environment.containsProperty(CACHE_REDIS_URL)) {
            addresses.put(CACHE_REDIS_URL, infrastructure.cacheRedisUrl());
        }
        if (STORES_IN_S3) {
            // the variables config-repo/ reads, as the fleet's processes get them
            S3Server s3 = infrastructure.s3();
            addresses.putAll(Map.of(
                    "UROP_S3_ENDPOINT", s3.endpoint().toString(),
                    "UROP_S3_ACCESS_KEY", S3Server.ACCESS_KEY,
                    "UROP_S3_SECRET_KEY", S3Server.SECRET_KEY));
        }
        if (SENDS_EMAIL) {
            SmtpServer smtp = infrastructure.smtp();
            addresses.putAll(Map.of("UROP_SMTP_HOST", smtp.host(), "UROP_SMTP_PORT", Integer.toString(smtp.port())));
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
