package io.urop.order.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.urop.events.order.OrderCancelled;
import io.urop.events.order.OrderRejected;
import io.urop.events.order.PacingChanged;
import io.urop.messaging.outbox.Outbox;
import io.urop.order.Team;
import io.urop.order.location.Location;
import io.urop.order.location.LocationAccess;
import io.urop.order.pricing.LineDraft;
import io.urop.security.CurrentUser;
import io.urop.web.InvalidFieldException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pacing the kitchen. A location's managers may pause online ordering and cap what the kitchen takes from diners per
 * 15-minute slot ({@link Slots}): orders, and prep minutes per station. Placing an order books its load into its slot
 * in the placing transaction, so an order refused for any reason books nothing. A diner's order is refused while
 * ordering is paused, and when its slot is full it is refused naming the next slot with room, which the diner may
 * order for ({@code scheduledFor}); staff's orders are never refused (staff are the override), but their load counts.
 * An order scheduled for a later slot is placed as usual, and its tickets wait until the slot starts
 * ({@link ScheduledFiring}). A cancelled or rejected order frees what it booked.
 */
@Service
@EnableConfigurationProperties(PacingProperties.class)
public class Pacing {


    private final PacingSettingsStore settings;
    private final SlotLoads loads;
    private final LocationAccess access;
    private final PacingProperties properties;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    Pacing(PacingSettingsStore settings, SlotLoads loads, LocationAccess access, PacingProperties properties,
            Outbox outbox, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.outbox = outbox;
        this.loads = loads;
        this.access = access;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional(readOnly = true)
    public PacingSettings settings(CurrentUser user, UUID locationId) {
        access.require(user, locationId, Team.KITCHEN_OR_FRONT);
        return settings.find(locationId).orElse(PacingSettings.NONE);
    }

    /**
     * A manager sets the location's pacing, whole; it applies to the orders placed from now on, and is announced
     * ({@code order.pacing-changed}) to the location's screens and its diners' open menus.
     */
    @Transactional
    public PacingSettings update(CurrentUser user, UUID locationId, PacingUpdate update) {
        access.require(user, locationId, Team.MANAGERS);
        PacingSettings updated = update.settings();
        Instant now = clock.instant();
        settings.save(locationId, user.requireTenant(), updated, now, user.subject());
        outbox.add(new PacingChanged(user.requireTenant(), locationId, updated.onlineOrderingPaused(),
                updated.maxOrdersPerSlot(), updated.maxPrepMinutesPerStation(), user.subject(), now),
                user.requireTenant(), locationId.toString());
        return updated;
    }

    /**
     * Reserves an order being placed a place in its slot: the current one, or the later one it is scheduled for.
     * Called by ordering within the placing transaction before the order is made (the kitchen asks whether its tickets
     * wait for a later slot), so that whatever refuses the order afterwards frees the reservation too; {@link #book}
     * then takes the slot's counters.
     *
     * @param byDiner      whether a diner orders (paced), rather than staff (never refused)
     * @param scheduledFor the start of a later slot to make the order in, or null for now
     * @throws OrderingPaused 409 for a diner while the location paused online ordering
     * @throws InvalidFieldException 400 when {@code scheduledFor} is not the start of a slot to come within reach
     */
    public Reservation reserve(UUID orderId, UUID tenantId, Location location, boolean byDiner, Instant scheduledFor,
            List<LineDraft> lines, Instant now) {
        PacingSettings pacing = byDiner ? settings.find(location.id()).orElse(PacingSettings.NONE)
                : PacingSettings.NONE;
        if (pacing.onlineOrderingPaused()) {
            refused("paused");
            throw new OrderingPaused();
        }
        Instant slot = scheduledFor == null ? Slots.startOf(now, location.timeZone())
                : scheduled(scheduledFor, location, byDiner, now);
        Map<String, Integer> minutes = minutesByStation(lines);
        loads.record(orderId, tenantId, location.id(), slot, minutes, scheduledFor);
        return new Reservation(tenantId, location.id(), slot, minutes, pacing);
    }

    /**
     * Takes the reserved order's load in its slot's counters, within the caps. Every order of the location takes the
     * same rows, which it then holds until it commits: ordering does this last in the placing transaction, so that
     * orders wait for each other only for a commit.
     *
     * @throws SlotFull 409 for a diner when the slot has no room for the order
     */
    public void book(Reservation reservation, Instant now) {
        Optional<Full> full = loads.book(reservation.tenantId(), reservation.locationId(), reservation.slot(),
                reservation.minutes(), reservation.pacing().maxOrdersPerSlot(),
                reservation.pacing().maxPrepMinutesPerStation());
        if (full.isPresent()) {
            refused("slot-full");
            throw new SlotFull(reservation.slot(), full.get(), nextSlotWithRoom(reservation.locationId(),
                    reservation.slot(), reservation.minutes(), reservation.pacing(), now));
        }
    }

    /** A diner's order pacing refused: what a kitchen that paces too tightly turns away. */
    private void refused(String reason) {
        meters.counter("urop.pacing.refusals", "reason", reason).increment();
    }

    /** An order's place in a slot, reserved and not yet counted. */
    public record Reservation(UUID tenantId, UUID locationId, Instant slot, Map<String, Integer> minutes,
            PacingSettings pacing) {
    }

    /**
     * The start of the later slot the order was scheduled for, while its tickets still wait for it; empty for an
     * order made now, and once its slot started.
     */
    public Optional<Instant> scheduledStart(UUID orderId) {
        Instant now = clock.instant();
        return loads.firesAt(orderId).filter(start -> start.isAfter(now));
    }

    // frees the slot's rows before the countdown gives portions back: the order every placing takes them in
    @EventListener
    @Order(1)
    void on(OrderCancelled cancelled) {
        loads.release(cancelled.orderId());
    }

    @EventListener
    @Order(1)
    void on(OrderRejected rejected) {
        loads.release(rejected.orderId());
    }

    private Instant scheduled(Instant scheduledFor, Location location, boolean byDiner, Instant now) {
        if (!Slots.isStart(scheduledFor, location.timeZone())) {
            throw new InvalidFieldException("scheduledFor", "must be the start of a " + Slots.LENGTH.toMinutes()
                    + "-minute slot (:00, :15, :30 or :45 at the location)");
        }
        if (!scheduledFor.isAfter(now)) {
            throw new InvalidFieldException("scheduledFor", "must be a slot still to come: leave it out to order now");
        }
        Duration reach = byDiner ? properties.slotSearch() : properties.orderAhead();
        if (scheduledFor.isAfter(now.plus(reach))) {
            throw new InvalidFieldException("scheduledFor", "must be within " + readable(reach) + " from now");
        }
        return scheduledFor;
    }

    /** The first slot after {@code slot}, within the search horizon, that has room for the load; null if none. */
    private Instant nextSlotWithRoom(UUID locationId, Instant slot, Map<String, Integer> minutes,
            PacingSettings pacing, Instant now) {
        Instant first = slot.plus(Slots.LENGTH);
        Instant last = now.plus(properties.slotSearch());
        if (first.isAfter(last)) {
            return null;
        }
        SlotLoads.Taken taken = loads.between(locationId, first, last);
        for (Instant candidate = first; !candidate.isAfter(last); candidate = candidate.plus(Slots.LENGTH)) {
            if (pacing.fits(taken.ordersAt(candidate), taken.minutesAt(candidate), minutes)) {
                return candidate;
            }
        }
        return null;
    }

    /** Prep minutes per portion times the quantity, summed by station; lines whose item states none count 0. */
    private static Map<String, Integer> minutesByStation(List<LineDraft> lines) {
        Map<String, Integer> minutes = new TreeMap<>();
        for (LineDraft line : lines) {
            if (line.prepMinutes() != null && line.prepMinutes() > 0) {
                minutes.merge(line.station(), Math.multiplyExact(line.prepMinutes(), line.quantity()), Math::addExact);
            }
        }
        return minutes;
    }

    private static String readable(Duration duration) {
        if (duration.toDays() >= 2) {
            return duration.toDays() + " days";
        }
        return duration.toHours() >= 2 ? duration.toHours() + " hours" : duration.toMinutes() + " minutes";
    }
}
