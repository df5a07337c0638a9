package io.urop.order.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import io.urop.contracts.Role;
import io.urop.events.Uuid7;
import io.urop.events.table.TableSessionMoved;
import io.urop.events.table.TableSessionsMerged;
import io.urop.order.OrderEvents;
import io.urop.web.IdempotencyKey;
import io.urop.order.idempotency.IdempotencyKeys;
import io.urop.order.location.Location;
import io.urop.order.location.OnlinePayments;
import io.urop.order.location.Locations;
import io.urop.order.location.PaymentMode;
import io.urop.order.pacing.Pacing;
import io.urop.order.pricing.MenuPricing;
import io.urop.order.pricing.PricedLines;
import io.urop.order.table.DinerSeats;
import io.urop.security.CurrentUser;
import io.urop.security.VerifiedToken;
import io.urop.web.ConflictException;
import io.urop.web.InvalidFieldException;
import io.urop.web.NotFoundException;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking orders and moving them on. Each change loads the order, lets the aggregate apply its rules, and writes the
 * events it returns to the outbox in the same transaction. Who may do what: a diner orders at its own table and sees
 * and withdraws its own session's orders; the kitchen accepts and rejects; staff (and managers and owners) take
 * orders anywhere, cancel, void, serve and take payment at the counter. Another tenant's orders, another location's
 * for a member limited to some, and another session's for a diner, are not found.
 */
@Service
public class Ordering {

    private static final Set<OrderState> FINISHED = EnumSet.of(OrderState.COMPLETED, OrderState.CANCELLED,
            OrderState.REJECTED);
    private static final Role[] FRONT_OF_HOUSE = {Role.OWNER, Role.MANAGER, Role.STAFF};
    private static final Role[] KITCHEN_OR_FRONT = {Role.OWNER, Role.MANAGER, Role.STAFF, Role.KITCHEN};

    private final Orders orders;
    private final Locations locations;
    private final MenuPricing pricing;
    private final IdempotencyKeys keys;
    private final DinerSeats seats;
    private final OrderEvents orderEvents;
    private final Clock clock;
    private final Pacing pacing;
    private final OnlinePayments onlinePayments;

    Ordering(Orders orders, Locations locations, MenuPricing pricing, IdempotencyKeys keys,
            OrderEvents orderEvents, DinerSeats seats, Clock clock, Pacing pacing, OnlinePayments onlinePayments) {
        this.orders = orders;
        this.onlinePayments = onlinePayments;
        this.locations = locations;
        this.pricing = pricing;
        this.keys = keys;
        this.orderEvents = orderEvents;
        this.seats = seats;
        this.clock = clock;
        this.pacing = pacing;
    }

    /**
     * Places an order once per Idempotency-Key: a repeat of the same request returns the order the first one placed.
     * Its load is booked into the kitchen's slot ({@link Pacing}), which may refuse a diner's order.
     */
    @Transactional
    public Placing place(VerifiedToken token, IdempotencyKey key, OrderRequest request) {
        CurrentUser user = CurrentUser.of(token);
        Order.Where where = isDiner(user) ? dinersTable(token, request) : staffsChoice(user, request);
        Location location = locations.find(where.locationId())
                .orElseThrow(() -> new NotFoundException("No such location"));
        if (!location.open()) {
            throw new ConflictException("This location is closed and takes no orders");
        }
        Instant now = clock.instant();
        UUID orderId = Uuid7.next();
        Optional<UUID> earlier = keys.claim(user.requireTenant(), user.subject(), key, request, orderId, now);
        if (earlier.isPresent()) {
            return new Placing(OrderView.of(orders.findById(earlier.get()).orElseThrow()), true);
        }
        PricedLines priced = pricing.price(location, request.lines());
        Pacing.Reservation slot = pacing.reserve(orderId, user.requireTenant(), location, isDiner(user),
                request.scheduledFor(), priced.lines(), now);
        Order.Placed placed = Order.place(orderId, user.requireTenant(), where, settlement(user, location, where, request),
                priced, new Charges(location.taxes()), request.note(), Actor.of(user), now);
        orders.save(placed.order());
        publish(placed.order(), placed.events());
        // everything else written first: the slot's counters are rows every order of the location waits for
        orders.flush();
        pacing.book(slot, now);
        return new Placing(OrderView.of(placed.order()), false);
    }

    @Transactional(readOnly = true)
    public OrderView get(CurrentUser user, UUID orderId) {
        return OrderView.of(visible(user, orderId));
    }

    @Transactional(readOnly = true)
    public List<OrderView.Step> history(CurrentUser user, UUID orderId) {
        requireAny(user, KITCHEN_OR_FRONT);
        return visible(user, orderId).history().stream().map(OrderView.Step::of).toList();
    }

    /** The orders of the diner's own table session, oldest first. */
    @Transactional(readOnly = true)
    public List<OrderView> sessionOrders(CurrentUser user) {
        if (!isDiner(user)) {
            throw new AccessDeniedException("Only a diner seated at a table has a table session");
        }
        return ordersOfSession(seats.session(user));
    }

    /** A table session's orders as its diners see them, for a phone that missed too much (the tenant bound). */
    @Transactional(readOnly = true)
    public List<OrderView> ordersOfSession(UUID tableSessionId) {
        return orders.findByTableSessionIdOrderByPlacedAt(tableSessionId).stream().map(OrderView::of).toList();
    }

    @Transactional
    public OrderView accept(CurrentUser user, UUID orderId) {
        requireAny(user, KITCHEN_OR_FRONT);
        return change(user, orderId, (order, now) -> order.accept(Actor.of(user), now));
    }

    @Transactional
    public OrderView reject(CurrentUser user, UUID orderId, Reason reason) {
        requireAny(user, KITCHEN_OR_FRONT);
        return change(user, orderId, (order, now) -> order.reject(Actor.of(user), reason.reason(), now));
    }

    @Transactional
    public OrderView cancel(CurrentUser user, UUID orderId, CancelRequest request) {
        if (!isDiner(user)) {
            requireAny(user, FRONT_OF_HOUSE);
            if (request.reason() == null) {
                throw new InvalidFieldException("reason", "is required: say why the order is cancelled");
            }
        }
        return change(user, orderId, (order, now) -> order.cancel(Actor.of(user), request.reason(), now));
    }

    @Transactional
    public OrderView voidLine(CurrentUser user, UUID orderId, UUID lineId, Reason reason) {
        requireAny(user, FRONT_OF_HOUSE);
        return change(user, orderId, (order, now) -> order.voidLine(Actor.of(user), lineId, reason.reason(), now));
    }

    @Transactional
    public OrderView serve(CurrentUser user, UUID orderId) {
        requireAny(user, FRONT_OF_HOUSE);
        return change(user, orderId, (order, now) -> order.serve(Actor.of(user), now));
    }

    @Transactional
    public OrderView recordPayment(CurrentUser user, UUID orderId, CounterPayment payment) {
        requireAny(user, FRONT_OF_HOUSE);
        return change(user, orderId,
                (order, now) -> order.recordPayment(Actor.of(user), payment.method().name(), now));
    }

    /** Staff add lines to an order the kitchen has; they reach it as an add-on. Once per Idempotency-Key. */
    @Transactional
    public OrderView addLines(CurrentUser user, UUID orderId, IdempotencyKey key, AddedLines request) {
        requireAny(user, FRONT_OF_HOUSE);
        Order order = visible(user, orderId);
        Instant now = clock.instant();
        if (keys.claim(user.requireTenant(), user.subject(), key, List.of(orderId, request), orderId, now).isPresent()) {
            return OrderView.of(order);
        }
        Location location = locations.find(order.locationId()).orElseThrow(() -> new NotFoundException("No such location"));
        PricedLines priced = pricing.price(location, request.lines());
        if (!priced.currency().equals(order.currency())) {
            throw new ConflictException("The menu's currency changed since this order was placed: place a new order");
        }
        publish(order, order.addLines(priced.lines(), Actor.of(user), now));
        orders.flush();
        return OrderView.of(order);
    }

    /**
     * How the kitchen's work moves the order on: started, done (every ticket bumped) or a ticket recalled. Called by
     * the kitchen within its own transaction.
     */
    public void kitchenProgress(UUID orderId, KitchenProgress progress, Actor actor) {
        Order order = orders.findById(orderId).orElseThrow(() -> new NotFoundException("No such order"));
        Instant now = clock.instant();
        publish(order, switch (progress) {
            case STARTED -> order.kitchenStarted(actor, now);
            case DONE -> order.kitchenDone(actor, now);
            case RECALLED -> order.kitchenRecalled(actor, now);
        });
    }

    /** The order's payment went through; a notice about an order this tenant does not have changes nothing. */
    @Transactional
    public void paymentSucceeded(UUID orderId, Instant at) {
        orders.findById(orderId).ifPresent(order -> publish(order, order.paymentSucceeded(at)));
    }

    @Transactional
    public void paymentExpired(UUID orderId, Instant at) {
        orders.findById(orderId).ifPresent(order -> publish(order, order.paymentExpired(at)));
    }

    /** The order's payment was refunded, in part or whole; an order this tenant does not have changes nothing. */
    @Transactional
    public void refunded(UUID orderId, long refundedTotal) {
        orders.findById(orderId).ifPresent(order -> order.refunded(refundedTotal));
    }

    /** The table's bill paid these orders of its tab: each is paid, and completed once served. */
    @Transactional
    public void paidOnTab(List<UUID> orderIds, Instant at) {
        orders.findAllById(orderIds).forEach(order -> publish(order, order.tabSettled(at)));
    }

    /** Staff moved a party to another table: its open orders follow (qr-service's {@code table.session-moved}). */
    @EventListener
    void on(TableSessionMoved moved) {
        orders.findByTableSessionIdAndStateNotIn(moved.sessionId(), FINISHED)
                .forEach(order -> order.moveTo(moved.toTableId()));
    }

    /** Staff merged two parties: the merged session's orders are the other's, on its tab. */
    @EventListener
    void on(TableSessionsMerged merged) {
        orders.findByTableSessionIdOrderByPlacedAt(merged.mergedSessionId())
                .forEach(order -> order.mergeInto(merged.sessionId()));
    }

    private OrderView change(CurrentUser user, UUID orderId, BiFunction<Order, Instant, List<Object>> change) {
        Order order = visible(user, orderId);
        publish(order, change.apply(order, clock.instant()));
        orders.flush();
        return OrderView.of(order);
    }

    private void publish(Order order, List<Object> events) {
        orderEvents.publish(order.tenantId(), order.id().toString(), events);
    }

    private Order visible(CurrentUser user, UUID orderId) {
        Order order = orders.findById(orderId).orElseThrow(() -> new NotFoundException("No such order"));
        boolean visible = isDiner(user)
                ? seats.session(user).equals(order.tableSessionId())
                : user.mayAccessLocation(order.locationId());
        if (!visible) {
            throw new NotFoundException("No such order");
        }
        return order;
    }

    private Order.Where dinersTable(VerifiedToken token, OrderRequest request) {
        DinerSeats.Seat seat = seats.of(token);
        mustMatch("locationId", request.locationId(), seat.location());
        mustMatch("tableId", request.tableId(), seat.table());
        mustMatch("tableSessionId", request.tableSessionId(), seat.session());
        if (request.channel() != null && request.channel() != Channel.TABLE) {
            throw new InvalidFieldException("channel", "must be TABLE: a diner orders at its table");
        }
        return new Order.Where(seat.location(), Channel.TABLE, seat.table(), seat.session());
    }

    private static Order.Where staffsChoice(CurrentUser user, OrderRequest request) {
        requireAny(user, FRONT_OF_HOUSE);
        if (request.locationId() == null) {
            throw new InvalidFieldException("locationId", "is required: the location the order is for");
        }
        if (!user.mayAccessLocation(request.locationId())) {
            throw new NotFoundException("No such location");
        }
        if (request.channel() == null) {
            throw new InvalidFieldException("channel", "is required: TABLE, TAKEAWAY or COUNTER");
        }
        if (request.channel() == Channel.TABLE) {
            if (request.tableId() == null || request.tableSessionId() == null) {
                throw new InvalidFieldException(request.tableId() == null ? "tableId" : "tableSessionId",
                        "is required for an order at a table: its table session holds the tab");
            }
        }
        else if (request.tableId() != null || request.tableSessionId() != null) {
            throw new InvalidFieldException("tableId", "must not be given for a " + request.channel() + " order");
        }
        return new Order.Where(request.locationId(), request.channel(), request.tableId(), request.tableSessionId());
    }

    /**
     * How the order gets paid: staff's on the tab or at the counter; a diner's as the location's payment mode and its
     * choice say, at the counter instead of online while the restaurant takes no online payment.
     */
    private Settlement settlement(CurrentUser user, Location location, Order.Where where, OrderRequest request) {
        if (!isDiner(user)) {
            return where.channel() == Channel.TABLE ? Settlement.ON_TAB : Settlement.AT_COUNTER;
        }
        PaymentMode mode = location.paymentMode();
        boolean payNow = request.payNow() == null ? mode != PaymentMode.PAY_AT_TABLE : request.payNow();
        if (mode == PaymentMode.PAY_FIRST && !payNow) {
            throw new InvalidFieldException("payNow", "must be true: this location takes payment as you order");
        }
        if (mode == PaymentMode.PAY_AT_TABLE && payNow) {
            throw new InvalidFieldException("payNow", "must be false: at this location you pay at the end");
        }
        if (!payNow) {
            return Settlement.ON_TAB;
        }
        return onlinePayments.takenBy(user.requireTenant()) ? Settlement.PAY_FIRST : Settlement.COUNTER_FIRST;
    }

    private static boolean isDiner(CurrentUser user) {
        return user.hasRole(Role.DINER);
    }

    private static void requireAny(CurrentUser user, Role... roles) {
        if (!user.hasAnyRole(roles)) {
            throw new AccessDeniedException("Your role may not do this");
        }
    }

    private static void mustMatch(String field, UUID sent, UUID own) {
        if (sent != null && !sent.equals(own)) {
            throw new InvalidFieldException(field, "must be your own table's, or left out");
        }
    }

    /** @param replayed whether an earlier request with the same Idempotency-Key placed it */
    public record Placing(OrderView order, boolean replayed) {
    }
}
