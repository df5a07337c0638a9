package io.urop.order.ordering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.Persistable;

import io.urop.events.Uuid7;
import io.urop.events.order.OrderAccepted;
import io.urop.events.order.OrderCancelled;
import io.urop.events.order.OrderCompleted;
import io.urop.events.order.OrderLineVoided;
import io.urop.events.order.OrderPlaced;
import io.urop.events.order.OrderReady;
import io.urop.events.order.OrderRecalled;
import io.urop.events.order.OrderRejected;
import io.urop.events.order.OrderServed;
import io.urop.order.pricing.LineDraft;
import io.urop.order.pricing.PricedLines;
import io.urop.web.NotFoundException;

/**
 * An order and its lines: the aggregate that guards the order's rules. Each change checks the state it starts from
 * ({@link OrderState}), records who made it and why in the order's history, and returns the integration events it
 * causes, which the caller writes to the outbox in the same transaction. Concurrent changes of one order are kept
 * apart by its version: the later one fails rather than overwrite the first.
 */
@Entity
@Table(name = "orders")
public class Order implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "location_id")
    private UUID locationId;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Column(name = "table_id")
    private UUID tableId;

    @Column(name = "table_session_id")
    private UUID tableSessionId;

    @Enumerated(EnumType.STRING)
    private OrderState state;

    @Enumerated(EnumType.STRING)
    private Settlement settlement;

    @Column(name = "menu_id")
    private UUID menuId;

    @Column(name = "menu_version")
    private int menuVersion;

    private String currency;

    @Embedded
    private Charges charges;

    private long subtotal;

    private long tax;

    @Column(name = "service_charge")
    private long serviceCharge;

    private long total;

    private String note;

    @Column(name = "placed_by")
    private String placedBy;

    @Column(name = "placed_at")
    private Instant placedAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "paid_with")
    private String paidWith;

    /** What of its payment was given back, as payment-service last said. */
    private long refunded;

    @Version
    private Long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    @OrderBy("position")
    private List<OrderLine> lines = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "order_transitions", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "seq")
    private List<Transition> history = new ArrayList<>();

    protected Order() {
    }

    /** A new order, priced: {@code PENDING_PAYMENT} when it is paid first, else {@code PLACED}. */
    public static Placed place(UUID id, UUID tenantId, Where where, Settlement settlement, PricedLines priced,
            Charges charges, String note, Actor actor, Instant at) {
        Order order = new Order();
        order.id = id;
        order.tenantId = tenantId;
        order.locationId = where.locationId();
        order.channel = where.channel();
        order.tableId = where.tableId();
        order.tableSessionId = where.tableSessionId();
        order.settlement = settlement;
        order.menuId = priced.menuId();
        order.menuVersion = priced.menuVersion();
        order.currency = priced.currency();
        order.charges = charges;
        order.note = note;
        order.placedBy = actor.subject();
        order.placedAt = at;
        order.add(priced.lines(), 0, actor);
        order.state = settlement.paidFirst() ? OrderState.PENDING_PAYMENT : OrderState.PLACED;
        order.history.add(new Transition(tenantId, null, order.state, actor, null, at));
        List<Object> events = new ArrayList<>(List.of(order.placedEvent()));
        if (order.state == OrderState.PLACED) {
            events.add(new ReachedKitchen(id, tenantId, 0));
        }
        return new Placed(order, events);
    }

    /** The order's payment went through: it goes on to the kitchen. A repeated notice changes nothing. */
    public List<Object> paymentSucceeded(Instant at) {
        if (state != OrderState.PENDING_PAYMENT || settlement != Settlement.PAY_FIRST) {
            return List.of();
        }
        paidAt = at;
        paidWith = "ONLINE";
        move(OrderState.PLACED, Actor.SYSTEM, "paid", at);
        return List.of(new ReachedKitchen(id, tenantId, 0));
    }

    /** The checkout ended unpaid: an order still waiting for it is cancelled; a paid or finished one stays as it is. */
    public List<Object> paymentExpired(Instant at) {
        if (state != OrderState.PENDING_PAYMENT) {
            return List.of();
        }
        move(OrderState.CANCELLED, Actor.SYSTEM, "payment expired", at);
        return List.of(new OrderCancelled(id, tenantId, locationId, tableSessionId, OrderCancelled.Cause.PAYMENT_FAILED,
                "payment expired", Actor.SYSTEM.subject(), at));
    }

    public List<Object> accept(Actor actor, Instant at) {
        move(OrderState.ACCEPTED, actor, null, at);
        return List.of(new OrderAccepted(id, tenantId, locationId, tableSessionId, actor.subject(), at));
    }

    public List<Object> reject(Actor actor, String reason, Instant at) {
        move(OrderState.REJECTED, actor, reason, at);
        return List.of(new OrderRejected(id, tenantId, locationId, tableSessionId, reason, actor.subject(), at));
    }

    /** A diner may withdraw its order only before the kitchen accepts it; staff may cancel it until it is served. */
    public List<Object> cancel(Actor actor, String reason, Instant at) {
        if (actor.isDiner() && !state.beforeKitchen()) {
            throw new IllegalTransition(state, "The kitchen has accepted this order: ask the staff to cancel it");
        }
        move(OrderState.CANCELLED, actor, reason, at);
        OrderCancelled.Cause cause = actor.isDiner() ? OrderCancelled.Cause.BY_DINER : OrderCancelled.Cause.BY_STAFF;
        return List.of(new OrderCancelled(id, tenantId, locationId, tableSessionId, cause, reason, actor.subject(), at));
    }

    /**
     * Staff add lines to an order the kitchen has (a forgotten drink): they reach the kitchen as an add-on to the same
     * order's tickets, and a ready order is being prepared again. An order paid online takes none: its payment is
     * made; the diner orders anew.
     */
    public List<Object> addLines(List<LineDraft> drafts, Actor actor, Instant at) {
        if (settlement.paidFirst()) {
            throw new IllegalTransition(state, "This order was paid as it was placed: place a new order for more");
        }
        if (!(state == OrderState.PLACED || state == OrderState.ACCEPTED || state == OrderState.PREPARING
                || state == OrderState.READY)) {
            throw new IllegalTransition(state, "Lines cannot be added to an order that is "
                    + state.name().toLowerCase() + ": place a new order");
        }
        int round = lines.stream().mapToInt(OrderLine::round).max().orElse(0) + 1;
        add(drafts, round, actor);
        if (state == OrderState.READY) {
            move(OrderState.PREPARING, actor, "lines added", at);
        }
        return List.of(new ReachedKitchen(id, tenantId, round));
    }

    /** The kitchen started on it: accepted (if it was not yet) and being prepared. */
    public List<Object> kitchenStarted(Actor actor, Instant at) {
        List<Object> events = new ArrayList<>(acceptIfPlaced(actor, at));
        if (state == OrderState.ACCEPTED) {
            move(OrderState.PREPARING, actor, null, at);
        }
        return events;
    }

    /** Every ticket of it is bumped: it waits at the pass. */
    public List<Object> kitchenDone(Actor actor, Instant at) {
        List<Object> events = new ArrayList<>(acceptIfPlaced(actor, at));
        if (state == OrderState.ACCEPTED || state == OrderState.PREPARING) {
            move(OrderState.READY, actor, null, at);
            events.add(new OrderReady(id, tenantId, locationId, tableSessionId, actor.subject(), at));
        }
        return events;
    }

    /** A bumped ticket was recalled: the order is not ready any more. */
    public List<Object> kitchenRecalled(Actor actor, Instant at) {
        if (state == OrderState.SERVED || state.finished()) {
            throw new IllegalTransition(state, "This order is " + state.name().toLowerCase()
                    + ": its tickets cannot be recalled");
        }
        if (state != OrderState.READY) {
            return List.of();
        }
        move(OrderState.PREPARING, actor, "recalled", at);
        return List.of(new OrderRecalled(id, tenantId, locationId, tableSessionId, actor.subject(), at));
    }

    private List<Object> acceptIfPlaced(Actor actor, Instant at) {
        return state == OrderState.PLACED ? accept(actor, at) : List.of();
    }

    /** Served; and completed at once if it is paid already. */
    public List<Object> serve(Actor actor, Instant at) {
        move(OrderState.SERVED, actor, null, at);
        List<Object> events = new ArrayList<>();
        events.add(new OrderServed(id, tenantId, locationId, tableSessionId, actor.subject(), at));
        events.addAll(completeIfPaid(at));
        return events;
    }

    /**
     * Staff took the money for an order paid at the counter, in cash or by card; one that waited for it goes on to the
     * kitchen.
     */
    public List<Object> recordPayment(Actor actor, String method, Instant at) {
        if (settlement != Settlement.AT_COUNTER && settlement != Settlement.COUNTER_FIRST) {
            throw new IllegalTransition(state, "This order is paid " + (settlement == Settlement.ON_TAB
                    ? "with the table's tab" : "online") + ", not at the counter");
        }
        if (paidAt != null || state.finished()) {
            throw new IllegalTransition(state, "This order is " + (paidAt != null ? "paid already" : "over"));
        }
        paidAt = at;
        paidWith = method;
        if (state == OrderState.PENDING_PAYMENT) {
            move(OrderState.PLACED, actor, "paid at the counter", at);
            return List.of(new ReachedKitchen(id, tenantId, 0));
        }
        return completeIfPaid(at);
    }

    /** The table's tab, this order included, is paid. */
    public List<Object> tabSettled(Instant at) {
        if (settlement != Settlement.ON_TAB || paidAt != null || state.finished()) {
            return List.of();
        }
        paidAt = at;
        paidWith = "TAB";
        return completeIfPaid(at);
    }

    /** Staff take one line off the bill; the kitchen sees it struck through, never silently removed. */
    public List<Object> voidLine(Actor actor, UUID lineId, String reason, Instant at) {
        if (state.finished() || state == OrderState.SERVED) {
            throw new IllegalTransition(state, "A line of an order that is " + state.name().toLowerCase()
                    + " cannot be voided");
        }
        OrderLine line = lines.stream().filter(candidate -> candidate.id().equals(lineId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No such line on this order"));
        if (line.voided()) {
            throw new IllegalTransition(state, "This line is voided already");
        }
        line.voidIt(actor, reason, at);
        sumUp();
        return List.of(new OrderLineVoided(id, tenantId, locationId, tableSessionId, lineId, reason, total,
                actor.subject(), at, line.stations()));
    }

    /** Staff moved the party to another table: its open order follows. */
    void moveTo(UUID tableId) {
        if (!state.finished()) {
            this.tableId = tableId;
        }
    }

    /** Staff merged the party's session into another: its orders, and their tab, are that session's from now on. */
    void mergeInto(UUID tableSessionId) {
        this.tableSessionId = tableSessionId;
    }

    /** Whether a diner placed it (staff's own orders need no approval). */
    public boolean placedByDiner() {
        return history.get(0).by().isDiner();
    }

    private List<Object> completeIfPaid(Instant at) {
        if (state != OrderState.SERVED || paidAt == null) {
            return List.of();
        }
        move(OrderState.COMPLETED, Actor.SYSTEM, null, at);
        return List.of(new OrderCompleted(id, tenantId, locationId, tableSessionId, Actor.SYSTEM.subject(), at));
    }

    private void move(OrderState next, Actor actor, String reason, Instant at) {
        if (!state.mayBecome(next)) {
            throw new IllegalTransition(state, "An order that is " + state.name().toLowerCase()
                    + " cannot become " + next.name().toLowerCase());
        }
        history.add(new Transition(tenantId, state, next, actor, reason, at));
        state = next;
    }

    private void add(List<LineDraft> drafts, int round, Actor actor) {
        for (LineDraft draft : drafts) {
            lines.add(new OrderLine(Uuid7.next(), tenantId, lines.size(), round, draft, charges.taxOf(draft.total()),
                    actor.subject()));
        }
        sumUp();
    }

    private void sumUp() {
        long charged = 0;
        long taxes = 0;
        for (OrderLine line : lines) {
            charged = Math.addExact(charged, line.charged());
            taxes = Math.addExact(taxes, line.chargedTax());
        }
        subtotal = charged;
        tax = taxes;
        serviceCharge = charges.serviceChargeOf(charged);
        total = charges.totalOf(charged, taxes, serviceCharge);
    }

    private OrderPlaced placedEvent() {
        List<OrderPlaced.Line> placedLines = lines.stream()
                .map(line -> new OrderPlaced.Line(line.id(), line.itemId(), line.name(), line.quantity(),
                        line.unitPrice(), line.total()))
                .toList();
        return new OrderPlaced(id, tenantId, locationId, OrderPlaced.Channel.valueOf(channel.name()), tableId,
                tableSessionId, entryState(),
                currency, placedLines, subtotal, tax, charges.pricesIncludeTax(), serviceCharge, total, placedBy,
                placedAt);
    }

    private OrderPlaced.EntryState entryState() {
        if (state != OrderState.PENDING_PAYMENT) {
            return OrderPlaced.EntryState.PLACED;
        }
        return settlement == Settlement.COUNTER_FIRST ? OrderPlaced.EntryState.PENDING_COUNTER_PAYMENT
                : OrderPlaced.EntryState.PENDING_PAYMENT;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID locationId() {
        return locationId;
    }

    public Channel channel() {
        return channel;
    }

    public UUID tableId() {
        return tableId;
    }

    public UUID tableSessionId() {
        return tableSessionId;
    }

    public OrderState state() {
        return state;
    }

    public Settlement settlement() {
        return settlement;
    }

    public UUID menuId() {
        return menuId;
    }

    public int menuVersion() {
        return menuVersion;
    }

    public String currency() {
        return currency;
    }

    public long subtotal() {
        return subtotal;
    }

    public long tax() {
        return tax;
    }

    public boolean taxIncluded() {
        return charges.pricesIncludeTax();
    }

    /** The tax and service charge rates it was placed with. */
    Charges charges() {
        return charges;
    }

    public long serviceCharge() {
        return serviceCharge;
    }

    public long total() {
        return total;
    }

    /** Its payment was refunded, in part or whole: {@code refundedTotal} is the payment's running total. */
    void refunded(long refundedTotal) {
        refunded = Math.max(refunded, refundedTotal);
    }

    public long refunded() {
        return refunded;
    }

    public String note() {
        return note;
    }

    public String placedBy() {
        return placedBy;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public String paidWith() {
        return paidWith;
    }

    public Long version() {
        return version;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public List<Transition> history() {
        return List.copyOf(history);
    }

    /** A new order and the events its placing causes. */
    public record Placed(Order order, List<Object> events) {
    }

    /** Where an order was taken: a table (and its session) of a location, or its counter or takeaway. */
    public record Where(UUID locationId, Channel channel, UUID tableId, UUID tableSessionId) {
    }

    /** Spring Data's: not stored yet until it has a version, read without reflection on every save. */
    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return version == null;
    }
}
