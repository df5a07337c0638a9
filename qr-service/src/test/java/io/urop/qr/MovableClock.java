package io.urop.qr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in its tests: the real time, which a test may move forward (to a session's maximum life) and
 * back. Redis keeps its own time, so keys do not expire early for it.
 */
public final class MovableClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    public void moveForward(Duration by) {
        ahead = ahead.plus(by);
    }

    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The service's clock is UTC");
    }
}
