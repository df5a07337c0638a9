package io.urop.messaging;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackOffTest {

    @Test
    void aFailingEventIsRetriedForMinutesBeforeItIsParkedAndNoWaitOutlastsTheConsumersPollInterval() {
        MessagingProperties defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("urop.messaging", MessagingProperties.class);
        BackOffExecution retries = MessagingAutoConfiguration.retryBackOff(defaults).start();

        Duration total = Duration.ZERO;
        Duration longest = Duration.ZERO;
        for (long wait = retries.nextBackOff(); wait != BackOffExecution.STOP; wait = retries.nextBackOff()) {
            total = total.plusMillis(wait);
            longest = longest.compareTo(Duration.ofMillis(wait)) > 0 ? longest : Duration.ofMillis(wait);
        }

        assertThat(total).isGreaterThan(Duration.ofMinutes(5));
        assertThat(longest).isLessThan(Duration.ofMinutes(5));
    }
}
