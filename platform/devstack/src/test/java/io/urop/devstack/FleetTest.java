package io.urop.devstack;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FleetTest {

    @Test
    void qrServiceLinksLeadToTheGatewayOnThePortItGotUnlessGiven() {
        URI gateway = URI.create("http://127.0.0.1:41234");

        assertThat(Fleet.publicUrls(gateway, Map.of()))
                .containsEntry("UROP_SCAN_URL", "http://127.0.0.1:41234/q/")
                .containsEntry("UROP_DINER_APP_URL", "http://127.0.0.1:41234/table");
        assertThat(Fleet.publicUrls(gateway, Map.of("UROP_SCAN_URL", "https://order.example.com/q/",
                "UROP_DINER_APP_URL", "https://order.example.com/table", "UROP_REDIS_URL", "redis://r:6379")))
                .containsOnly(Map.entry("UROP_SCAN_URL", "https://order.example.com/q/"),
                        Map.entry("UROP_DINER_APP_URL", "https://order.example.com/table"));
        assertThat(Fleet.publicUrls(gateway, Map.of("UROP_SCAN_URL", " "))).containsEntry("UROP_SCAN_URL",
                "http://127.0.0.1:41234/q/");
    }
}
