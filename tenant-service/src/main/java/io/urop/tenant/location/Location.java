package io.urop.tenant.location;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.tenant.LocationChanged;

/** One restaurant of a tenant. {@code version} grows with every change (optimistic locking, ETag). */
public record Location(UUID id, UUID tenantId, LocationDetails details, boolean active, Instant createdAt,
        Instant updatedAt, long version) {

    /** This state as other services learn it; publish it (keyed by {@link #id()}) with every change. */
    public LocationChanged changed() {
        return new LocationChanged(id, tenantId, details.name(), details.currency(), details.timeZone(),
                details.taxRateBasisPoints(), details.pricesIncludeTax(), details.serviceChargeBasisPoints(),
                LocationChanged.PaymentMode.valueOf(details.paymentMode().name()),
                details.openingHours().stream()
                        .map(period -> new LocationChanged.OpeningPeriod(period.day(), period.opens(), period.closes()))
                        .toList(),
                LocationChanged.MenuAccess.valueOf(details.menuAccess().name()), details.firstOrderApproval(),
                active ? LocationChanged.Status.OPEN : LocationChanged.Status.CLOSED, version);
    }
}
