package io.urop.order.ordering;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which of a location's orders staff look for: every filter given must hold.
 *
 * @param states any of these states; none for any state
 * @param from   placed at or after it
 * @param to     placed before it
 * @param q      a part of a line's name or of the order's note, in any case
 */
public record OrderFilter(UUID locationId, Set<OrderState> states, UUID tableId, Instant from, Instant to, String q) {

    public OrderFilter {
        states = states == null ? Set.of()
                : states.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        q = q == null || q.isBlank() ? null : q.strip();
    }
}
