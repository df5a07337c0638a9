package io.urop.devstack;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FleetTest {

    @Test
    void theLinksServicesHandOutLeadToTheGatewayOnThePortItGotUnlessGiven() {
        URI gateway = URI.create("http://127.0.0.1:41234");

        assertThat(Fleet.publicUrls(gateway, Map.of()))
                .containsEntry("UROP_SCAN_URL", "http://127.0.0.1:41234/q/")
                .containsEntry("UROP_DINER_APP_URL", "http://127.0.0.1:41234/table")
                .containsEntry("UROP_APP_URL", "http://127.0.0.1:41234");
        assertThat(Fleet.publicUrls(gateway, Map.of("UROP_SCAN_URL", "https://order.example.com/q/",
                "UROP_DINER_APP_URL", "https://order.example.com/table", "UROP_APP_URL", "https://app.example.com",
                "UROP_REDIS_URL", "redis://r:6379")))
                .containsOnly(Map.entry("UROP_SCAN_URL", "https://order.example.com/q/"),
                        Map.entry("UROP_DINER_APP_URL", "https://order.example.com/table"),
                        Map.entry("UROP_APP_URL", "https://app.example.com"));
        assertThat(Fleet.publicUrls(gateway, Map.of("UROP_SCAN_URL", " "))).containsEntry("UROP_SCAN_URL",
                "http://127.0.0.1:41234/q/");
    }

    @Test
    void theFleetExportsItsTracesOnlyWhereItIsTold() {
        assertThat(Fleet.telemetry(Map.of("UROP_REDIS_URL", "redis://r:6379"))).isEmpty();
        assertThat(Fleet.telemetry(Map.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                "http://collector:4318/v1/traces", "MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1")))
                .containsOnly(Map.entry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                        "http://collector:4318/v1/traces"));
    }

    @Test
    void membersGetFourMinutesToStartUnlessASlowerFleetAsksForMore() {
        assertThat(Fleet.startTimeout(Map.of())).isEqualTo(Duration.ofMinutes(4));
        assertThat(Fleet.startTimeout(Map.of("UROP_DEVSTACK_START_TIMEOUT", " 600 "))).isEqualTo(Duration.ofMinutes(10));
        for (String wrong : new String[] {"0", "-5", "10m", "PT10M"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> Fleet.startTimeout(Map.of("UROP_DEVSTACK_START_TIMEOUT", wrong)))
                    .withMessageContaining("UROP_DEVSTACK_START_TIMEOUT must be a number of seconds");
        }
    }
}
