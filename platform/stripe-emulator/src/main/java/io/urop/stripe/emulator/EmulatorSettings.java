package io.urop.stripe.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How an emulator is set up. The defaults suit the dev stack; tests shorten the webhook back-off and the expiry
 * sweep, and may pass their own clock to move time forward.
 */
public final class EmulatorSettings {

    /** The API version stripe-java 33.3.0 is pinned to; events carry it unless a request asked for another. */
    public static final String DEFAULT_API_VERSION = "2026-07-29.dahlia";
    public static final String DEFAULT_API_KEY = "sk_test_emulator";

    private String apiKey = DEFAULT_API_KEY;
    private String apiVersion = DEFAULT_API_VERSION;
    private int port;
    private Clock clock = Clock.systemUTC();
    private Duration webhookRetryInitialDelay = Duration.ofSeconds(1);
    private Duration webhookRetryMaxDelay = Duration.ofMinutes(1);
    private int webhookMaxAttempts = 16;
    private Duration webhookTimeout = Duration.ofSeconds(10);
    private Duration expirySweepInterval = Duration.ofSeconds(1);

    public static EmulatorSettings defaults() {
        return new EmulatorSettings();
    }

    /** The secret key requests must present as {@code Authorization: Bearer …}. */
    public EmulatorSettings apiKey(String apiKey) {
        this.apiKey = Objects.requireNonNull(apiKey);
        return this;
    }

    public EmulatorSettings apiVersion(String apiVersion) {
        this.apiVersion = Objects.requireNonNull(apiVersion);
        return this;
    }

    /** 0, the default, takes a free port. */
    public EmulatorSettings port(int port) {
        this.port = port;
        return this;
    }

    public EmulatorSettings clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /** The wait before the second attempt of a webhook; it doubles for every further attempt up to {@code maxDelay}. */
    public EmulatorSettings webhookRetries(Duration initialDelay, Duration maxDelay, int maxAttempts) {
        this.webhookRetryInitialDelay = Objects.requireNonNull(initialDelay);
        this.webhookRetryMaxDelay = Objects.requireNonNull(maxDelay);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.webhookMaxAttempts = maxAttempts;
        return this;
    }

    public EmulatorSettings webhookTimeout(Duration timeout) {
        this.webhookTimeout = Objects.requireNonNull(timeout);
        return this;
    }

    /** How often open sessions past their {@code expires_at} are expired. */
    public EmulatorSettings expirySweepInterval(Duration interval) {
        this.expirySweepInterval = Objects.requireNonNull(interval);
        return this;
    }

    String apiKey() {
        return apiKey;
    }

    String apiVersion() {
        return apiVersion;
    }

    int port() {
        return port;
    }

    Clock clock() {
        return clock;
    }

    Duration webhookRetryInitialDelay() {
        return webhookRetryInitialDelay;
    }

    Duration webhookRetryMaxDelay() {
        return webhookRetryMaxDelay;
    }

    int webhookMaxAttempts() {
        return webhookMaxAttempts;
    }

    Duration webhookTimeout() {
        return webhookTimeout;
    }

    Duration expirySweepInterval() {
        return expirySweepInterval;
    }
}
