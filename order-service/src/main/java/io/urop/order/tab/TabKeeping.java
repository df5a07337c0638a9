package io.urop.order.tab;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.urop.contracts.Role;
import io.urop.events.Uuid7;
import io.urop.events.order.OrderCancelled;
import io.urop.events.order.OrderLineVoided;
import io.urop.events.order.OrderPlaced;
import io.urop.events.order.OrderRejected;
import io.urop.events.order.TabChanged;
import io.urop.events.payment.PaymentRefunded;
import io.urop.events.payment.TableBillSettled;
import io.urop.events.table.TableSessionClosed;
import io.urop.events.table.TableSessionMoved;
import io.urop.events.table.TableSessionsMerged;
import io.urop.order.OrderEvents;
import io.urop.order.Team;
import io.urop.order.location.Location;
import io.urop.order.location.LocationAccess;
import io.urop.order.location.Locations;
import io.urop.order.ordering.Order;
import io.urop.order.ordering.OrderLine;
import io.urop.order.ordering.OrderState;
import io.urop.order.ordering.Orders;
import io.urop.order.ordering.Ordering;
import io.urop.order.ordering.ReachedKitchen;
import io.urop.order.ordering.Settlement;
import io.urop.order.table.DinerSeats;
import io.urop.order.table.DiningTables;
import io.urop.security.CurrentUser;
import io.urop.web.NotFoundException;
import io.urop.web.Paged;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each table session's tab, and shows it. The tab follows the session's orders as they change, within the
 * transaction of each change: an order is not placed, voided or cancelled without its tab knowing, and each change of
 * the tab is announced ({@code tab.changed}) once, through the outbox. Totals are the orders' own, as the order
 * aggregate priced them; nothing is priced here. qr-service's merges and closings and payment-service's settlements
 * reach it as events. Diners see their own session's tab; staff (not the kitchen) the tabs of the locations they
 * work at. Another session's, location's or tenant's tab is not found.
 */
@Service
public class TabKeeping {

    private static final Set<OrderState> UNCHARGED = Set.of(OrderState.CANCELLED, OrderState.REJECTED);

    private final Tabs tabs;
    private final TabOrders tabOrders;
    private final Orders orders;
    private final Locations locations;
    private final LocationAccess access;
    private final DinerSeats seats;
    private final DiningTables tables;
    private final OrderEvents orderEvents;
    private final Ordering ordering;
    private final Clock clock;

    TabKeeping(Tabs tabs, TabOrders tabOrders, Orders orders, Locations locations, LocationAccess access,
            DinerSeats seats, DiningTables tables, OrderEvents orderEvents, Ordering ordering, Clock clock) {
        this.tabs = tabs;
        this.tabOrders = tabOrders;
        this.orders = orders;
        this.locations = locations;
        this.access = access;
        this.seats = seats;
        this.tables = tables;
        this.orderEvents = orderEvents;
        this.ordering = ordering;
        this.clock = clock;
    }

    /** An order at a table joins its session's tab: owed when it runs on the tab, paid when it was paid first. */
    @EventListener
    void on(OrderPlaced placed) {
        if (placed.tableSessionId() == null) {
            return;
        }
        Order order = orders.findById(placed.orderId()).orElseThrow();
        Tab tab = tabOf(order.tableSessionId(), order.tenantId(), order.locationId(), order.tableId(), order.currency(),
                order.placedAt());
        Tab.Change change = tab.add(order.id(), order.placedAt(), order.settlement() == Settlement.ON_TAB,
                charged(order), order.placedAt());
        tabOrders.save(change.entry());
        publish(change.events());
    }

    @EventListener
    void on(OrderCancelled cancelled) {
        follow(cancelled.orderId(), cancelled.at());
    }

    @EventListener
    void on(OrderRejected rejected) {
        follow(rejected.orderId(), rejected.at());
    }

    @EventListener
    void on(OrderLineVoided voided) {
        follow(voided.orderId(), voided.at());
    }

    /** Lines staff added to an order (round 1, 2...) change what it costs. */
    @EventListener
    void on(ReachedKitchen reached) {
        if (reached.round() > 0) {
            follow(reached.orderId(), clock.instant());
        }
    }

    /**
     * The merged session's tab joins the other's, each made now if its session has ordered nothing yet: orders the
     * merged session's diners place later, under the session their tokens still name, join the same tab.
     */
    @EventListener
    void on(TableSessionsMerged merged) {
        Optional<String> currency = tabs.lockedBySession(merged.mergedSessionId()).map(Tab::currency)
                .or(() -> tabs.lockedBySession(merged.sessionId()).map(Tab::currency))
                .or(() -> locations.find(merged.locationId()).map(Location::currency));
        if (currency.isEmpty()) {
            return;
        }
        Instant at = merged.mergedAt();
        Tab from = tabOf(merged.mergedSessionId(), merged.tenantId(), merged.locationId(), null, currency.get(), at);
        Tab into = tabOf(merged.sessionId(), merged.tenantId(), merged.locationId(),
                merged.tableIds().isEmpty() ? null : merged.tableIds().get(0), currency.get(), at);
        publish(from.joinInto(into, entriesOf(from), at));
    }

    @EventListener
    void on(TableSessionMoved moved) {
        tabs.lockedBySession(moved.sessionId()).ifPresent(tab -> publish(tab.movedTo(moved.toTableId(), moved.movedAt())));
    }

    /** Passed on from qr-service's {@code table.session-closed}. */
    @EventListener
    void on(TableSessionClosed closed) {
        tabs.lockedBySession(closed.sessionId()).ifPresent(tab -> publish(tab.sessionClosed(closed.closedAt())));
    }

    /**
     * Passed on from payment-service's {@code payment.table-bill-settled}: the orders it pays in full are paid, and
     * completed once served.
     */
    @EventListener
    void on(TableBillSettled settled) {
        tabs.lockedBySession(settled.tableSessionId()).ifPresent(tab -> {
            // a settlement written before it carried what was paid (paid 0) settled all that was owed
            long paid = settled.paid() > 0 ? settled.paid() : tab.billPaid() + Math.max(0, tab.balance());
            Tab.Settled done = tab.settle(entriesOf(tab), paid, settled.settledAt());
            publish(done.events());
            ordering.paidOnTab(done.paidOrders(), settled.settledAt());
        });
    }

    /** Passed on from payment-service's {@code payment.refunded} of a share of the session's bill. */
    @EventListener
    void on(PaymentRefunded refunded) {
        if (refunded.orderId() == null && refunded.tableSessionId() != null) {
            tabs.lockedBySession(refunded.tableSessionId()).map(tab -> joined(tab, tabs::lockedBySession))
                    .ifPresent(tab -> tab.shareRefunded(refunded.amount()));
        }
    }

    /** The diner's own table session's tab (the one it joined, once merged); empty while nothing was ordered. */
    @Transactional(readOnly = true)
    public TabView dinersTab(CurrentUser user) {
        if (!user.hasRole(Role.DINER)) {
            throw new AccessDeniedException("Only a diner seated at a table has a tab");
        }
        UUID session = seats.session(user);
        return readTabOf(session).map(this::view).orElseGet(() -> TabView.nothingYet(session));
    }

    /** The tab of a table session (the one it joined, once merged), for staff of its location or its own diners. */
    @Transactional(readOnly = true)
    public TabView tab(CurrentUser user, UUID tableSessionId) {
        boolean diner = user.hasRole(Role.DINER);
        if (!diner) {
            Team.FRONT_OF_HOUSE.require(user);
        }
        Tab tab = readTabOf(tableSessionId).orElseThrow(() -> new NotFoundException("No tab for this table session"));
        boolean visible = diner
                ? readTabOf(seats.session(user)).map(own -> own.id().equals(tab.id())).orElse(false)
                : user.mayAccessLocation(tab.locationId());
        if (!visible) {
            throw new NotFoundException("No tab for this table session");
        }
        return view(tab);
    }

    /** A table session's tab (the one it joined, once merged), for the fleet's services. */
    @Transactional(readOnly = true)
    public TabView tabOfSession(UUID tableSessionId) {
        return readTabOf(tableSessionId).map(this::view)
                .orElseThrow(() -> new NotFoundException("No tab for this table session"));
    }

    /**
     * The location's open tabs, oldest first, those of sessions that are over but still owe included; or
     * ({@code open} false) its settled tabs, newest first.
     */
    @Transactional(readOnly = true)
    public Paged<TabView.Summary> tabs(CurrentUser user, UUID locationId, boolean open, int page, int size) {
        access.require(user, locationId, Team.FRONT_OF_HOUSE);
        Sort.Direction direction = open ? Sort.Direction.ASC : Sort.Direction.DESC;
        var found = tabs.findByLocationIdAndState(locationId, open ? TabState.OPEN : TabState.SETTLED,
                PageRequest.of(page, size, Sort.by(direction, "openedAt", "id")));
        Map<UUID, String> names = found.isEmpty() ? Map.of() : tables.namesAt(locationId);
        return new Paged<>(found.map(tab -> new TabView.Summary(tab.id(), tab.tableSessionId(), tab.locationId(),
                tab.tableId(), names.get(tab.tableId()), tab.currency(), tab.state(), tab.sessionClosed(), tab.total(),
                tab.paid(), tab.balance(), tab.orderCount(), tab.openedAt(), tab.changedAt())).getContent(),
                page, size, found.getTotalElements());
    }

    /** The session's tab, locked, opened if it has none yet, or the tab it joined once merged. */
    private Tab tabOf(UUID sessionId, UUID tenantId, UUID locationId, UUID tableId, String currency, Instant at) {
        Tab tab = tabs.lockedBySession(sessionId).orElseGet(() -> {
            tabs.openIfAbsent(Uuid7.next(), tenantId, locationId, sessionId, tableId, currency, at);
            return tabs.lockedBySession(sessionId).orElseThrow();
        });
        return joined(tab, tabs::lockedBySession);
    }

    /** The orders on a tab, oldest first. */
    private List<TabOrder> entriesOf(Tab tab) {
        return tabOrders.findByTabIdOrderByPlacedAtAscOrderIdAsc(tab.id());
    }

    /** Follows a merged tab to the tab its orders joined, found by its session with {@code bySession}. */
    private static Tab joined(Tab tab, Function<UUID, Optional<Tab>> bySession) {
        Set<UUID> seen = new HashSet<>();
        Tab current = tab;
        while (current.mergedInto() != null && seen.add(current.tableSessionId())) {
            current = bySession.apply(current.mergedInto()).orElseThrow();
        }
        return current;
    }

    /** The session's tab, or the tab it joined once merged, read without locking it. */
    private Optional<Tab> readTabOf(UUID sessionId) {
        return tabs.findByTableSessionId(sessionId).map(tab -> joined(tab, tabs::findByTableSessionId));
    }

    private void follow(UUID orderId, Instant at) {
        tabs.lockedByOrder(orderId).ifPresent(tab -> {
            Order order = orders.findById(orderId).orElseThrow();
            publish(tab.orderCosts(tabOrders.findById(orderId).orElseThrow(), charged(order), at));
        });
    }

    /** What an order costs the party now: nothing once cancelled or rejected. */
    private static long charged(Order order) {
        return UNCHARGED.contains(order.state()) ? 0 : order.total();
    }

    /**
     * {@code tab.changed} goes to the outbox keyed by the tab's session, and within the service, like an order's
     * events.
     */
    private void publish(List<Object> events) {
        for (Object event : events) {
            if (event instanceof TabChanged changed) {
                orderEvents.publish(changed.tenantId(), changed.tableSessionId().toString(), List.of(changed));
            }
        }
    }

    private TabView view(Tab tab) {
        List<TabOrder> entries = entriesOf(tab);
        Map<UUID, Order> byId = orders.findAllById(entries.stream().map(TabOrder::orderId).toList()).stream()
                .collect(Collectors.toMap(Order::id, Function.identity()));
        List<TabView.OrderOnTab> onTab = entries.stream().filter(entry -> byId.containsKey(entry.orderId()))
                .map(entry -> orderOnTab(entry, byId.get(entry.orderId()))).toList();
        String tableName = Optional.ofNullable(tab.tableId()).flatMap(tables::name).orElse(null);
        long refunded = tab.sharesRefunded() + onTab.stream().mapToLong(TabView.OrderOnTab::refunded).sum();
        return new TabView(tab.id(), tab.tableSessionId(), tab.mergedSessionIds(), tab.locationId(), tab.tableId(),
                tableName, tab.currency(), tab.state(), tab.sessionClosed(), tab.total(), tab.paid(), tab.balance(),
                refunded, onTab, tab.openedAt(), tab.changedAt(), tab.settledAt());
    }

    private static TabView.OrderOnTab orderOnTab(TabOrder entry, Order order) {
        List<TabView.Line> lines = order.lines().stream().map(TabKeeping::line).toList();
        return new TabView.OrderOnTab(order.id(), order.state(), order.placedBy(), order.placedAt(), entry.onTab(),
                order.subtotal(), order.tax(), order.taxIncluded(), order.serviceCharge(), entry.total(), entry.paid(),
                order.refunded(), order.note(), lines);
    }

    private static TabView.Line line(OrderLine line) {
        return new TabView.Line(line.id(), line.name(), line.sizeName(), line.quantity(), line.unitPrice(),
                line.total(), line.choices(), line.note(), line.round(), line.addedBy(), line.voided());
    }
}
