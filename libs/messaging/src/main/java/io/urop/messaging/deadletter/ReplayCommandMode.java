package io.urop.messaging.deadletter;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When the service is started as the dead-letter replay command: no web server (the live instance has the port),
 * no listener joining the consumer groups (the live instances consume), no registration in service discovery, and no
 * outbox relay (the live instances send what the replayed handlers recorded).
 */
public class ReplayCommandMode implements EnvironmentPostProcessor {

    public static final String TOPICS = "urop.messaging.replay-dead-letters";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty(TOPICS)) {
            return;
        }
        application.setWebApplicationType(WebApplicationType.NONE);
        environment.getPropertySources().addFirst(new MapPropertySource("dead-letter-replay-command", Map.of(
                "spring.kafka.listener.auto-startup", "false",
                "eureka.client.enabled", "false",
                "urop.messaging.relay-enabled", "false")));
    }
}
