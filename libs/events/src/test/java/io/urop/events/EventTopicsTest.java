package io.urop.events;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTopicsTest {

    @Test
    void theTopicIsTheProducingArea() {
        assertThat(EventTopics.of("tenant.created")).isEqualTo("tenant.events");
        assertThat(EventTopics.of("order.placed")).isEqualTo("order.events");
        assertThat(EventTopics.of("table.qr-rotated")).isEqualTo("table.events");
        assertThat(EventTopics.of("ticket.fired")).isEqualTo("order.events");
        assertThat(EventTopics.of("tab.changed")).isEqualTo("order.events");
        assertThat(EventTopics.deadLetterOf("order.events")).isEqualTo("order.events.DLT");
    }

    @Test
    void anUnknownAreaOrShapeIsRefused() {
        assertThatThrownBy(() -> EventTopics.of("pizza.baked")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventTopics.of("tenant")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventTopics.of("tenant.")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventTopics.of(".created")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventIdsAreVersion7AndSortByCreation() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(Uuid7.next());
        }
        assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        assertThat(ids).isSortedAccordingTo(UUID::compareTo).doesNotHaveDuplicates();
    }
}
