package io.urop.notification.push;

import tools.jackson.databind.JsonNode;

/** What one stream is told of one event: its type (the event's, e.g. {@code ticket.fired}) and what it shows. */
public record Push(PushStream stream, String type, JsonNode data) {
}
