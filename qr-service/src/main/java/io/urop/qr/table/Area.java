package io.urop.qr.table;

import java.time.Instant;
import java.util.UUID;

/** A part of a location's room (terrace, bar) that groups its tables. */
public record Area(UUID id, UUID locationId, String name, Instant createdAt) {
}
