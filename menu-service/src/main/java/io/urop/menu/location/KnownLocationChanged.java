package io.urop.menu.location;

import java.util.UUID;

/**
 * Tenant-service announced a newer state of the location: its time zone or who may read its menu may have changed
 * (an application event, published in the transaction).
 */
public record KnownLocationChanged(UUID locationId) {
}
