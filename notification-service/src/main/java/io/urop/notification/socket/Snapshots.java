package io.urop.notification.socket;

import java.util.Optional;
import java.util.UUID;

import io.urop.client.CallFailed;
import io.urop.client.CallRejected;
import io.urop.client.ServiceClient;
import io.urop.client.ServiceClients;
import io.urop.notification.push.PushStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * What a stream's screen shows now, asked of order-service, for a client too far behind to catch up on pushes: a
 * station's open tickets, a location's orders in the kitchen (the expeditor's screen), a table session's orders. A
 * menu has none here (its client re-reads the menu), and none is given while order-service cannot answer.
 */
@Component
class Snapshots {

    private static final Logger log = LoggerFactory.getLogger(Snapshots.class);

    private final ServiceClient orders;

    Snapshots(ServiceClients clients) {
        this.orders = clients.client("order-service");
    }

    Optional<ObjectNode> of(UUID tenantId, PushStream stream) {
        try {
            switch (stream.kind()) {
                case STATION:
                    return Optional.of(snapshot("tickets", orders.get(
                            "/internal/v1/tenants/{t}/kitchen/stations/{station}/tickets?locationId={l}", tenantId,
                            stream.station(), stream.id()).fetch(JsonNode.class)));
                case LOCATION:
                    return Optional.of(snapshot("orders", orders.get(
                            "/internal/v1/tenants/{t}/kitchen/expeditor?locationId={l}", tenantId, stream.id())
                            .fetch(JsonNode.class)));
                case SESSION:
                    return Optional.of(snapshot("orders", orders.get(
                            "/internal/v1/tenants/{t}/table-sessions/{s}/orders", tenantId, stream.id())
                            .fetch(JsonNode.class)));
                default:
                    return Optional.empty();
            }
        }
        catch (CallFailed | CallRejected e) {
            log.warn("No snapshot of {}: {}", stream.name(), e.getMessage());
            return Optional.empty();
        }
    }

    private static ObjectNode snapshot(String field, JsonNode content) {
        ObjectNode snapshot = JsonNodeFactory.instance.objectNode();
        snapshot.set(field, content);
        return snapshot;
    }
}
