package io.urop.qr.location;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningHoursTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Lunch on Mondays, and Friday nights until two in the morning. */
    private final OpeningHours hours = new OpeningHours(PARIS, List.of(
            new OpeningHours.Period(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(14, 30)),
            new OpeningHours.Period(DayOfWeek.FRIDAY, LocalTime.of(18, 0), LocalTime.of(2, 0))));

    @Test
    void servesWithinAPeriodAndPastMidnightIntoTheNextDay() {
        assertThat(hours.servesAt(at("2026-12-07T12:00"))).isTrue();
        assertThat(hours.servesAt(at("2026-12-07T14:30"))).isFalse();
        assertThat(hours.servesAt(at("2026-12-04T23:59"))).isTrue();
        assertThat(hours.servesAt(at("2026-12-05T01:59"))).isTrue();
        assertThat(hours.servesAt(at("2026-12-05T02:00"))).isFalse();
        assertThat(hours.servesAt(at("2026-12-04T17:59"))).isFalse();
        assertThat(hours.servesAt(at("2026-12-08T01:00"))).isFalse();
    }

    @Test
    void knowsWhenItOpensNext() {
        assertThat(hours.nextOpening(at("2026-12-05T03:00"))).hasValueSatisfying(
                opening -> assertThat(opening.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-12-07T12:00")));
        assertThat(hours.nextOpening(at("2026-12-07T13:00"))).hasValueSatisfying(
                opening -> assertThat(opening.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-12-11T18:00")));
    }

    @Test
    void noHoursSetMeansAlwaysServing() {
        OpeningHours none = new OpeningHours(PARIS, List.of());

        assertThat(none.servesAt(at("2026-12-08T04:00"))).isTrue();
        assertThat(none.nextOpening(at("2026-12-08T04:00"))).isEmpty();
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }
}
