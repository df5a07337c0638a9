package io.urop.order.countdown;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import io.urop.events.Uuid7;
import io.urop.events.order.ItemSoldOut;
import io.urop.events.order.OrderCancelled;
import io.urop.events.order.OrderLineVoided;
import io.urop.events.order.OrderPlaced;
import io.urop.events.order.OrderRejected;
import io.urop.events.order.OrderServed;
import io.urop.menu.model.MenuIndex;
import io.urop.messaging.outbox.Outbox;
import io.urop.order.Team;
import io.urop.order.location.LocationAccess;
import io.urop.order.menu.MenuCopies;
import io.urop.order.ordering.Orders;
import io.urop.order.ordering.ReachedKitchen;
import io.urop.security.CurrentUser;
import io.urop.web.NotFoundException;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limited quantities: staff count an item down at a location ("12 portions of the special"). Every order takes its
 * portions in the transaction that places it (or that adds lines to it), never below zero: an order asking for more
 * than is left is refused whole ({@link NotEnoughLeft}). The order that takes the last portion, or staff setting the
 * count to zero, announces the item sold out ({@code order.item-sold-out}), on which menu-service marks it run out at
 * the location ("86") as staff would; order-service then refuses it from its copy of what ran out even once the count
 * is removed. A cancelled or rejected order, or a voided line, gives its portions back to the count they were taken
 * from (not to a count staff set anew since); giving back does not bring a sold-out item back on the menu: staff
 * decide when it is on again, at menu-service.
 */
@Service
public class Countdown {


    private final Countdowns countdowns;
    private final LocationAccess access;
    private final MenuCopies menus;
    private final Orders orders;
    private final Outbox outbox;
    private final Clock clock;

    Countdown(Countdowns countdowns, LocationAccess access, MenuCopies menus, Orders orders, Outbox outbox,
            Clock clock) {
        this.countdowns = countdowns;
        this.access = access;
        this.menus = menus;
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CountdownView> list(CurrentUser user, UUID locationId) {
        access.require(user, locationId, Team.KITCHEN_OR_FRONT);
        return countdowns.at(locationId);
    }

    /** Staff count an item of the location's menu anew; a count of zero announces it sold out. */
    @Transactional
    public CountdownView set(CurrentUser user, UUID locationId, CountdownRequest request) {
        access.require(user, locationId, Team.FRONT_OF_HOUSE);
        boolean onTheMenu = menus.servedAt(locationId).map(MenuIndex::of)
                .flatMap(menu -> menu.item(request.itemId())).isPresent();
        if (!onTheMenu) {
            throw new NotFoundException("No item " + request.itemId() + " on this location's menu");
        }
        Instant now = clock.instant();
        UUID tenantId = user.requireTenant();
        int remaining = request.remaining();
        boolean wasSoldOut = countdowns.set(locationId, tenantId, request.itemId(), remaining, Uuid7.next(), now,
                user.subject()).map(previous -> previous == 0).orElse(false);
        if (remaining == 0 && !wasSoldOut) {
            soldOut(tenantId, locationId, request.itemId(), now);
        }
        return new CountdownView(request.itemId(), remaining, now, user.subject());
    }

    /** Staff stop counting the item: it is ordered freely again, unless it ran out (menu-service's call). */
    @Transactional
    public void remove(CurrentUser user, UUID locationId, UUID itemId) {
        access.require(user, locationId, Team.FRONT_OF_HOUSE);
        if (!countdowns.remove(locationId, itemId)) {
            throw new NotFoundException("This item is not counted down at this location");
        }
    }

    /** An order is being placed: its portions are taken, or it is refused. */
    @EventListener
    void on(OrderPlaced placed) {
        take(placed.tenantId(), placed.locationId(), placed.orderId(), placed.lines().stream()
                .map(line -> new Portions(line.lineId(), line.itemId(), line.name(), line.quantity())).toList());
    }

    /** Staff add lines to an order: they take their portions too ({@code round} 0 was taken as it was placed). */
    @EventListener
    void on(ReachedKitchen reached) {
        if (reached.round() == 0) {
            return;
        }
        io.urop.order.ordering.Order order = orders.findById(reached.orderId()).orElseThrow();
        take(order.tenantId(), order.locationId(), order.id(), order.lines().stream()
                .filter(line -> line.round() == reached.round() && !line.voided())
                .map(line -> new Portions(line.id(), line.itemId(), line.name(), line.quantity())).toList());
    }

    // after pacing frees the slot's rows: the order every placing takes them in
    @EventListener
    @Order(2)
    void on(OrderCancelled cancelled) {
        giveBack(countdowns.removeTakesOfOrder(cancelled.orderId()));
    }

    @EventListener
    @Order(2)
    void on(OrderRejected rejected) {
        giveBack(countdowns.removeTakesOfOrder(rejected.orderId()));
    }

    @EventListener
    void on(OrderLineVoided voided) {
        giveBack(countdowns.removeTakesOfLine(voided.lineId()));
    }

    /** A served order can no longer be cancelled nor have a line voided: what it took stays taken. */
    @EventListener
    void on(OrderServed served) {
        countdowns.removeTakesOfOrder(served.orderId());
    }

    private void take(UUID tenantId, UUID locationId, UUID orderId, List<Portions> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Set<UUID> counted = countdowns.countedAmong(locationId,
                lines.stream().map(Portions::itemId).collect(Collectors.toSet()));
        if (counted.isEmpty()) {
            return;
        }
        Map<UUID, List<Portions>> byItem = new TreeMap<>(lines.stream().filter(line -> counted.contains(line.itemId()))
                .collect(Collectors.groupingBy(Portions::itemId)));
        Instant now = clock.instant();
        byItem.forEach((itemId, ofItem) -> {
            int wanted = ofItem.stream().mapToInt(Portions::quantity).sum();
            Countdowns.Taken taken = countdowns.take(locationId, itemId, wanted).orElse(null);
            if (taken == null) {
                // not that many left; or the count was removed meanwhile, and the item is ordered freely
                countdowns.remaining(locationId, itemId).ifPresent(left -> {
                    throw new NotEnoughLeft(itemId, ofItem.get(0).name(), left);
                });
                return;
            }
            ofItem.forEach(line -> countdowns.recordTake(line.lineId(), orderId, tenantId, locationId, itemId,
                    taken.setId(), line.quantity()));
            if (taken.remaining() == 0) {
                soldOut(tenantId, locationId, itemId, now);
            }
        });
    }

    /** Gives back to each count what was taken from it, one count at a time in the order of the items' ids. */
    private void giveBack(List<Countdowns.Take> takes) {
        Map<Count, Integer> byCount = new LinkedHashMap<>();
        takes.stream().sorted(Comparator.comparing(Countdowns.Take::itemId).thenComparing(Countdowns.Take::setId))
                .forEach(take -> byCount.merge(new Count(take.locationId(), take.itemId(), take.setId()),
                        take.quantity(), Integer::sum));
        byCount.forEach((count, quantity) -> countdowns.giveBack(count.locationId(), count.itemId(), count.setId(),
                quantity));
    }

    private void soldOut(UUID tenantId, UUID locationId, UUID itemId, Instant at) {
        outbox.add(new ItemSoldOut(tenantId, locationId, itemId, at), tenantId, locationId.toString());
    }

    /** One count of an item at a location. */
    private record Count(UUID locationId, UUID itemId, UUID setId) {
    }

    /** The portions of an item one order line asks for. */
    private record Portions(UUID lineId, UUID itemId, String name, int quantity) {
    }
}
