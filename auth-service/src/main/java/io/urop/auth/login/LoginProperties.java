package io.urop.auth.login;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lock-out after repeated failures ({@code urop.auth.login.*}).
 *
 * @param maxFailures failed attempts on one email before it is locked
 * @param lockFor     the window failures are counted in; a locked email stays locked until it ends
 */
@ConfigurationProperties("urop.auth.login")
public record LoginProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockFor) {
}
