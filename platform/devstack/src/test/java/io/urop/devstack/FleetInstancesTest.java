package io.urop.devstack;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetInstancesTest {

    @Test
    void furtherInstancesOfAServiceAreAskedForByItsIdAndAreFew() {
        assertThat(Fleet.instances(Map.of())).isEmpty();
        assertThat(Fleet.instances(Map.of("UROP_DEVSTACK_INSTANCES", "notification-service=2, order-service=3")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Member.NOTIFICATION_SERVICE, 2, Member.ORDER_SERVICE, 3));
        for (String wrong : new String[] {"gateway=2", "notification-service", "notification-service=9",
                "notification-service=two", "menu=2"}) {
            assertThatThrownBy(() -> Fleet.instances(Map.of("UROP_DEVSTACK_INSTANCES", wrong))).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UROP_DEVSTACK_INSTANCES");
        }
    }
}
