package io.urop.menu.availability;

import java.time.Instant;
import java.util.UUID;

/** An item or an option a location ran out of: since when, and who marked it. */
record Unavailable(UUID targetId, Kind kind, Instant since, String markedBy) {

    enum Kind { ITEM, OPTION }
}
