package io.urop.menu.availability;

import java.util.UUID;

/** An item or an option of the location ran out, or is back (an application event, published in the transaction). */
public record AvailabilityChangedAt(UUID locationId, UUID targetId, boolean available) {
}
