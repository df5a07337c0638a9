package io.urop.messaging.deadletter;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayCommandModeTest {

    @Test
    void theReplayCommandServesNothingAndJoinsNoConsumerGroupBesideTheLiveInstances() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(
                "--urop.messaging.replay-dead-letters=tenant.events", "--spring.kafka.listener.auto-startup=true"));
        SpringApplication application = new SpringApplication();
        application.setWebApplicationType(WebApplicationType.SERVLET);

        new ReplayCommandMode().postProcessEnvironment(environment, application);

        assertThat(application.getWebApplicationType()).isEqualTo(WebApplicationType.NONE);
        assertThat(environment.getProperty("spring.kafka.listener.auto-startup")).isEqualTo("false");
        assertThat(environment.getProperty("urop.messaging.relay-enabled")).isEqualTo("false");
    }

    @Test
    void aServiceStartedAsItselfIsLeftAsItIs() {
        StandardEnvironment environment = new StandardEnvironment();
        SpringApplication application = new SpringApplication();
        application.setWebApplicationType(WebApplicationType.SERVLET);

        new ReplayCommandMode().postProcessEnvironment(environment, application);

        assertThat(application.getWebApplicationType()).isEqualTo(WebApplicationType.SERVLET);
        assertThat(environment.getProperty("spring.kafka.listener.auto-startup")).isNull();
    }
}
