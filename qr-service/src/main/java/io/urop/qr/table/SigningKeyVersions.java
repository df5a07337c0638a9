package io.urop.qr.table;

import java.util.UUID;

/**
 * Which version of the tenant's QR key signs a new table's code: asked of the feature that keeps the keys, which
 * implements it, so that tables need not read its table.
 */
public interface SigningKeyVersions {

    /** The newest version, or 1 while the tenant has no key yet (its first one is made when a code is first signed). */
    int current(UUID tenantId);
}
