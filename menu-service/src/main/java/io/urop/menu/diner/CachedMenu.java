package io.urop.menu.diner;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A rendered public menu: its JSON, its ETag, until when the clock leaves it unchanged, and the cache
 * generation it was rendered under.
 */
record CachedMenu(String generation, Instant validUntil, String etag, String json) {

    String format() {
        return generation + "\n" + validUntil.toEpochMilli() + "\n" + etag + "\n" + json;
    }

    static CachedMenu parse(String stored) {
        String[] parts = stored.split("\n", 4);
        return new CachedMenu(parts[0], Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2], parts[3]);
    }

    byte[] body() {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
