package io.urop.menu.model;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * A recurring serving window in the location's local time ("Lunch", Mon–Fri 11:30–14:30), from
 * {@code start} inclusive to {@code end} exclusive. An {@code end} before {@code start} crosses
 * midnight, and the window belongs to the day it starts: "Fri 22:00–02:00" covers Saturday 01:00
 * but not Friday 01:00. {@code start == end} is an empty window (refused by {@link MenuValidator}).
 */
public record Daypart(UUID id, String name, Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    public Daypart {
        days = Copies.enumSet(days, DayOfWeek.class);
    }

    /**
     * Whether this daypart is on at the given wall-clock time, which must already be in the
     * location's time zone ({@code now.atZone(locationZone)}).
     */
    public boolean isServedAt(ZonedDateTime localTime) {
        return isServedAt(localTime.toLocalDateTime());
    }

    public boolean isServedAt(LocalDateTime localTime) {
        LocalTime time = localTime.toLocalTime();
        DayOfWeek day = localTime.getDayOfWeek();
        if (!crossesMidnight()) {
            return days.contains(day) && !time.isBefore(start) && time.isBefore(end);
        }
        return (days.contains(day) && !time.isBefore(start))
                || (days.contains(day.minus(1)) && time.isBefore(end));
    }

    public boolean crossesMidnight() {
        return end.isBefore(start);
    }
}
