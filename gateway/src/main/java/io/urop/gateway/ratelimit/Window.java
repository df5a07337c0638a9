package io.urop.gateway.ratelimit;

import java.time.Duration;

/**
 * One fixed window of a budget.
 *
 * @param key    the window's Redis key ({@link RateLimitKeys})
 * @param limit  requests allowed in it
 * @param length how long it lasts from its first request
 */
record Window(String key, int limit, Duration length) {
}
