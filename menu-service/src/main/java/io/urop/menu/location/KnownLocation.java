package io.urop.menu.location;

import java.time.ZoneId;

/** What menu-service keeps of a location: its time zone (which dayparts are on) and who may read its menu. */
public record KnownLocation(ZoneId zone, MenuAudience audience) {
}
