package io.urop.order.pacing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code urop.pacing.*}.
 *
 * @param slotSearch  how far ahead a diner whose slot is full is offered the next one with room, and how far ahead a
 *                    diner may schedule an order
 * @param orderAhead  how far ahead staff may schedule an order (takeaway for tonight, a party's starters)
 * @param firingCheck how often scheduled orders whose slot has started are looked for; their tickets reach the
 *                    kitchen up to this late
 */
@ConfigurationProperties("urop.pacing")
public record PacingProperties(@DefaultValue("4h") Duration slotSearch, @DefaultValue("7d") Duration orderAhead,
        @DefaultValue("10s") Duration firingCheck) {
}
