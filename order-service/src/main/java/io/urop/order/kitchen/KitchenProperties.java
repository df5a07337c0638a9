package io.urop.order.kitchen;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code urop.kitchen.*}.
 *
 * @param recallWindow how long after a bump a ticket can still be recalled to its station's screen
 */
@ConfigurationProperties("urop.kitchen")
public record KitchenProperties(@DefaultValue("10m") Duration recallWindow) {
}
