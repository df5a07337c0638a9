package io.urop.order.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code urop.idempotency.*}.
 *
 * @param retention     how long a key returns what its first request created; a retry after that creates anew
 * @param purgeInterval how often keys past their retention are deleted
 */
@ConfigurationProperties("urop.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention,
        @DefaultValue("1h") Duration purgeInterval) {
}
