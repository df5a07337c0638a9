package io.urop.qr.table;

import java.time.Instant;
import java.util.UUID;

/**
 * A table diners sit at.
 *
 * @param areaId    {@code null} when it stands in no area
 * @param active    an inactive table's codes are refused and it opens no session
 * @param qrVersion the version of its printed codes: a code of a lower one is revoked
 */
public record DiningTable(UUID id, UUID locationId, UUID areaId, String name, int seats, boolean active, int qrVersion,
        Instant createdAt, Instant updatedAt) {
}
