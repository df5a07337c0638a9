package io.urop.tenant.location;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/** Open on {@code day} from {@code opens} to {@code closes}, local time; closing before opening runs past midnight. */
public record OpeningPeriod(@NotNull DayOfWeek day, @NotNull LocalTime opens, @NotNull LocalTime closes) {

    @AssertTrue(message = "must close at another time than it opens")
    boolean isClosingAtAnotherTime() {
        return opens == null || closes == null || !opens.equals(closes);
    }
}
