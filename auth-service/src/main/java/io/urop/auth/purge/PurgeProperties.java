package io.urop.auth.purge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param interval how often ended sessions and expired resets are purged (the first time a minute after start) */
@ConfigurationProperties("urop.auth.purge")
record PurgeProperties(@DefaultValue("1h") Duration interval) {
}
