package io.urop.notification.push;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.EventEnvelope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class PushRoutingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPublishedMenuReachesTheOpenMenusAndTheStaffOfEveryLocationItServesWithoutItsSnapshot() {
        UUID menu = UUID.randomUUID();
        UUID terrace = UUID.randomUUID();
        UUID harbour = UUID.randomUUID();
        ObjectNode payload = JSON.createObjectNode();
        payload.put("menuId", menu.toString());
        payload.put("tenantId", UUID.randomUUID().toString());
        payload.putArray("locationIds").add(terrace.toString()).add(harbour.toString());
        payload.put("version", 7);
        payload.putObject("snapshot").put("currency", "EUR");
        EventEnvelope published = new EventEnvelope(UUID.randomUUID(), "menu.published", 2, Instant.now(),
                UUID.randomUUID(), menu.toString(), null, payload);

        assertThat(PushRouting.of(published)).extracting(push -> push.stream().name()).containsExactlyInAnyOrder(
                "location:" + terrace, "menu:" + terrace, "location:" + harbour, "menu:" + harbour);
        assertThat(PushRouting.of(published)).allSatisfy(push -> {
            assertThat(push.type()).isEqualTo("menu.published");
            assertThat(push.data().path("version").asInt()).isEqualTo(7);
            assertThat(push.data().path("eventId").asString()).isEqualTo(published.eventId().toString());
            assertThat(push.data().has("snapshot")).isFalse();
        });
    }

    @Test
    void aTablesCallForStaffReachesTheLocationsStaffAndNoDiner() {
        UUID location = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        ObjectNode payload = JSON.createObjectNode();
        payload.put("sessionId", session.toString());
        payload.put("locationId", location.toString());
        payload.put("tableName", "Window");
        payload.put("reason", "BILL");
        EventEnvelope call = new EventEnvelope(UUID.randomUUID(), "table.assistance-requested", 1, Instant.now(),
                UUID.randomUUID(), UUID.randomUUID().toString(), null, payload);

        assertThat(PushRouting.of(call)).singleElement().satisfies(push -> {
            assertThat(push.stream().name()).isEqualTo("location:" + location);
            assertThat(push.data().path("tableName").asString()).isEqualTo("Window");
        });
    }
}
