package io.urop.order.pacing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The kitchen's slots: 15-minute windows starting at :00, :15, :30 and :45 on the location's clock. Every time zone
 * in use is offset from UTC by a multiple of 15 minutes, so slots follow each other every 15 minutes of real time,
 * across daylight saving changes too.
 */
final class Slots {

    static final Duration LENGTH = Duration.ofMinutes(15);

    private Slots() {
    }

    /** The start of the slot {@code at} falls in. */
    static Instant startOf(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
        return local.withMinute(local.getMinute() - local.getMinute() % (int) LENGTH.toMinutes()).toInstant();
    }

    static boolean isStart(Instant at, ZoneId zone) {
        return startOf(at, zone).equals(at);
    }
}
