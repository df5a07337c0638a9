package io.urop.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A service started on a random port against real PostgreSQL, Kafka and Redis, with the fleet's
 * configuration, but without config server and Eureka (they are tested in the fleet scenarios). An event that keeps
 * failing is parked after seconds, not the fleet's ten minutes, so a test can watch it reach the dead-letter topic.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.config.enabled=false",
        "spring.cloud.config.import-check.enabled=false",
        "eureka.client.enabled=false",
        "logging.structured.format.console=",
        "urop.messaging.relay-interval=200ms",
        "urop.messaging.retries=3",
        "urop.messaging.retry-max-interval=1s"})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
@AutoConfigureRestTestClient
public @interface ServiceIntegrationTest {
}
