package io.urop.tenant.location;

import java.util.List;
import java.util.UUID;

/**
 * What a table's guests see of a location: its name, and when it serves in which currency and time zone.
 * Nothing of its address, tax set-up, payment mode or other settings.
 */
public record LocationProfile(UUID id, String name, String currency, String timeZone,
        List<OpeningPeriod> openingHours) {

    static LocationProfile of(Location location) {
        LocationDetails details = location.details();
        return new LocationProfile(location.id(), details.name(), details.currency(), details.timeZone(),
                details.openingHours());
    }
}
