package io.urop.qr.location;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * When a location serves, in its own time zone: periods on days of the week, a period that closes before it opens
 * running past midnight into the next day. No periods means no set hours: always serving.
 */
public record OpeningHours(ZoneId zone, List<Period> periods) {

    public OpeningHours {
        periods = List.copyOf(periods);
    }

    public boolean servesAt(Instant instant) {
        if (periods.isEmpty()) {
            return true;
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        return periods.stream().anyMatch(period -> period.covers(local));
    }

    /** The next time it starts serving after {@code instant}, in its zone; empty if it never does. */
    public Optional<ZonedDateTime> nextOpening(Instant instant) {
        ZonedDateTime now = instant.atZone(zone);
        for (int days = 0; days <= 7; days++) {
            ZonedDateTime day = now.toLocalDate().plusDays(days).atStartOfDay(zone);
            Optional<ZonedDateTime> first = periods.stream()
                    .filter(period -> period.day() == day.getDayOfWeek())
                    .map(period -> day.toLocalDate().atTime(period.opens()).atZone(zone))
                    .filter(opening -> opening.isAfter(now))
                    .min(ZonedDateTime::compareTo);
            if (first.isPresent()) {
                return first;
            }
        }
        return Optional.empty();
    }

    /** Serving on {@code day} from {@code opens} to {@code closes}; closing at or before opening runs past midnight. */
    public record Period(DayOfWeek day, LocalTime opens, LocalTime closes) {

        boolean covers(LocalDateTime local) {
            LocalTime time = local.toLocalTime();
            boolean overnight = !closes.isAfter(opens);
            if (local.getDayOfWeek() == day && !time.isBefore(opens) && (overnight || time.isBefore(closes))) {
                return true;
            }
            return overnight && local.getDayOfWeek() == day.plus(1) && time.isBefore(closes);
        }
    }
}
