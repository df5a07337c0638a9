package io.urop.notification.push;

import tools.jackson.databind.JsonNode;

/**
 * One frame a socket is sent: a push of {@code stream} at its sequence number {@code seq} (Redis's id of the entry:
 * ordered, opaque to the client, and given back as {@code after} to resume), or a word from the server about the
 * stream ({@code subscribed}, {@code resync}, {@code error}), which has no seq.
 */
public record PushFrame(String stream, String seq, String type, JsonNode data) {
}
