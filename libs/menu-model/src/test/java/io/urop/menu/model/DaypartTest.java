package io.urop.menu.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import static io.urop.menu.model.Fixtures.BERLIN;
import static io.urop.menu.model.Fixtures.daypart;
import static org.assertj.core.api.Assertions.assertThat;

class DaypartTest {

    /** 2026-11-27 is a Friday. */
    private static LocalDateTime friday(int hour, int minute) {
        return LocalDateTime.of(2026, 11, 27, hour, minute);
    }

    private static LocalDateTime saturday(int hour, int minute) {
        return friday(hour, minute).plusDays(1);
    }

    @Test
    void theStartIsInsideAndTheEndOutside() {
        Daypart lunch = daypart("Lunch", LocalTime.of(11, 30), LocalTime.of(15, 0), DayOfWeek.FRIDAY);

        assertThat(lunch.isServedAt(friday(11, 29))).isFalse();
        assertThat(lunch.isServedAt(friday(11, 30))).isTrue();
        assertThat(lunch.isServedAt(friday(14, 59))).isTrue();
        assertThat(lunch.isServedAt(friday(15, 0))).isFalse();
    }

    @Test
    void onlyTheListedDays() {
        Daypart lunch = daypart("Lunch", LocalTime.of(11, 30), LocalTime.of(15, 0), DayOfWeek.FRIDAY);

        assertThat(lunch.isServedAt(saturday(12, 0))).isFalse();
    }

    @Test
    void aWindowCrossingMidnightBelongsToTheDayItStarts() {
        Daypart lateNight = daypart("Late night", LocalTime.of(22, 0), LocalTime.of(2, 0), DayOfWeek.FRIDAY);

        assertThat(lateNight.crossesMidnight()).isTrue();
        assertThat(lateNight.isServedAt(friday(21, 59))).isFalse();
        assertThat(lateNight.isServedAt(friday(22, 0))).isTrue();
        assertThat(lateNight.isServedAt(friday(23, 59))).isTrue();
        assertThat(lateNight.isServedAt(saturday(0, 0))).isTrue();
        assertThat(lateNight.isServedAt(saturday(1, 59))).isTrue();
        assertThat(lateNight.isServedAt(saturday(2, 0))).isFalse();
        assertThat(lateNight.isServedAt(friday(1, 0))).as("Thursday night is not listed").isFalse();
        assertThat(lateNight.isServedAt(saturday(22, 0))).as("Saturday is not listed").isFalse();
    }

    @Test
    void aWindowEndingAtMidnightEndsThatDay() {
        Daypart dinner = daypart("Dinner", LocalTime.of(18, 0), LocalTime.MIDNIGHT, DayOfWeek.FRIDAY);

        assertThat(dinner.isServedAt(friday(23, 59))).isTrue();
        assertThat(dinner.isServedAt(saturday(0, 0))).isFalse();
    }

    @Test
    void anEmptyWindowIsNeverOn() {
        Daypart empty = daypart("Empty", LocalTime.NOON, LocalTime.NOON, DayOfWeek.FRIDAY);

        assertThat(empty.isServedAt(friday(12, 0))).isFalse();
    }

    @Test
    void theWallClockOfTheLocationDecidesAcrossTheSpringDstChange() {
        // Berlin springs from 02:00 CET to 03:00 CEST on Sunday 2026-03-29
        Daypart lateNight = daypart("Late night", LocalTime.of(22, 0), LocalTime.of(2, 0), DayOfWeek.SATURDAY);
        Daypart breakfast = daypart("Breakfast", LocalTime.of(7, 0), LocalTime.of(11, 0), DayOfWeek.SUNDAY);

        assertThat(lateNight.isServedAt(Instant.parse("2026-03-29T00:30:00Z").atZone(BERLIN))).as("01:30 CET").isTrue();
        assertThat(lateNight.isServedAt(Instant.parse("2026-03-29T01:00:00Z").atZone(BERLIN))).as("03:00 CEST").isFalse();
        assertThat(breakfast.isServedAt(Instant.parse("2026-03-29T05:30:00Z").atZone(BERLIN))).as("07:30 CEST").isTrue();
        assertThat(breakfast.isServedAt(Instant.parse("2026-03-22T05:30:00Z").atZone(BERLIN))).as("06:30 CET a week before").isFalse();
    }

    @Test
    void theRepeatedHourOfTheAutumnChangeIsServedTwice() {
        // Berlin falls back from 03:00 CEST to 02:00 CET on Sunday 2026-10-25: 02:30 happens twice
        Daypart small = daypart("Small hours", LocalTime.of(2, 0), LocalTime.of(3, 0), DayOfWeek.SUNDAY);

        assertThat(small.isServedAt(Instant.parse("2026-10-25T00:30:00Z").atZone(BERLIN))).as("02:30 CEST").isTrue();
        assertThat(small.isServedAt(Instant.parse("2026-10-25T01:30:00Z").atZone(BERLIN))).as("02:30 CET").isTrue();
        assertThat(small.isServedAt(Instant.parse("2026-10-25T02:30:00Z").atZone(BERLIN))).as("03:30 CET").isFalse();
    }
}
