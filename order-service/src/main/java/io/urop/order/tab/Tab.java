package io.urop.order.tab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.urop.events.order.TabChanged;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

/**
 * What a table session's party owes: the aggregate that follows the session's orders and keeps, in minor units of
 * its currency, their {@code total}, what is {@code paid} and the {@code balance} still owed. Each change returns the
 * {@code tab.changed} it causes, the whole tab as it stands, or nothing when nothing changed, so a consumer hears of
 * each change once. A tab is never deleted: a closed session's tab that is still owed stays open for staff, and a tab
 * whose session was merged into another stays, empty, naming the tab its orders joined. Concurrent changes are kept
 * apart by its version. Its orders ({@link TabOrder}) are rows of their own that it counts as they change, so a
 * session's hundredth order costs its tab what its first did; only settling and merging read them all.
 */
@Entity
@Table(name = "tabs")
public class Tab implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "location_id")
    private UUID locationId;

    @Column(name = "table_session_id")
    private UUID tableSessionId;

    @Column(name = "table_id")
    private UUID tableId;

    private String currency;

    @Enumerated(EnumType.STRING)
    private TabState state;

    private long total;

    private long paid;

    private long balance;

    /** What the shares of the table's bill paid, as far as this tab took it in: part of {@code paid}. */
    @Column(name = "bill_paid")
    private long billPaid;

    /** What refunds of the bill's shares gave back. */
    @Column(name = "shares_refunded")
    private long sharesRefunded;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "session_closed_at")
    private Instant sessionClosedAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    /** The session whose tab this one joined, once {@code MERGED}. */
    @Column(name = "merged_into")
    private UUID mergedInto;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "merged_session_ids")
    private UUID[] mergedSessionIds = new UUID[0];

    /** How many orders are on it: its entries are rows of their own, not loaded with it. */
    @Column(name = "order_count")
    private int orderCount;

    @Version
    private Long version;

    protected Tab() {
    }

    /**
     * An order of the session: owed until the tab is settled, or paid already when it was paid as it was placed.
     *
     * @return the entry to keep, and the {@code tab.changed} it causes
     */
    Change add(UUID orderId, Instant placedAt, boolean onTab, long orderTotal, Instant at) {
        if (state == TabState.MERGED) {
            throw new IllegalStateException("Tab " + id + " joined another: its session's orders go there");
        }
        TabOrder entry = new TabOrder(this, orderId, placedAt, onTab, orderTotal);
        count(entry, 1);
        orderCount++;
        return new Change(entry, changed(orderId, at));
    }

    /**
     * What one of its orders costs now: after a void, an add-on, or its cancellation or rejection (nothing). An order
     * paid as it was placed stays paid whatever it costs: its refund is its payment's.
     */
    List<Object> orderCosts(TabOrder entry, long orderTotal, Instant at) {
        if (!entry.tabId().equals(id)) {
            throw new IllegalArgumentException("Order " + entry.orderId() + " is not on tab " + id);
        }
        count(entry, -1);
        boolean changed = entry.costs(orderTotal);
        count(entry, 1);
        return changed ? changed(entry.orderId(), at) : List.of();
    }

    /**
     * The party's bill paid {@code billPaidNow} in all: what is new in it pays the orders owed, {@code entries}
     * oldest first, and what is left over of it counts as paid too (the balance goes below 0). An order placed while
     * the bill's last share was being paid is not covered by it and stays owed. A settlement already taken in
     * changes nothing.
     */
    Settled settle(List<TabOrder> entries, long billPaidNow, Instant at) {
        if (state == TabState.MERGED || billPaidNow <= billPaid) {
            return new Settled(List.of(), List.of());
        }
        long left = billPaidNow - billPaid;
        billPaid = billPaidNow;
        List<UUID> paidOrders = new ArrayList<>();
        for (TabOrder entry : entries) {
            count(entry, -1);
            long taken = entry.pay(left);
            count(entry, 1);
            left -= taken;
            if (taken > 0 && entry.paid() >= entry.total()) {
                paidOrders.add(entry.orderId());
            }
        }
        paid = Math.addExact(paid, left);
        balance = Math.subtractExact(total, paid);
        if (balance <= 0) {
            state = TabState.SETTLED;
            settledAt = at;
        }
        changedAt = at;
        return new Settled(List.of(event(null)), paidOrders);
    }

    /** A share of the bill was refunded, in part or whole: shown, while what is owed stays as it is. */
    void shareRefunded(long amount) {
        sharesRefunded = Math.addExact(sharesRefunded, amount);
    }

    /** What a settlement caused: the {@code tab.changed}, and the orders on the tab it paid in full. */
    record Settled(List<Object> events, List<UUID> paidOrders) {
    }

    /** The session is over: nothing more is ordered on it; what is still owed stays open until paid. */
    List<Object> sessionClosed(Instant at) {
        if (sessionClosedAt != null || state == TabState.MERGED) {
            return List.of();
        }
        sessionClosedAt = at;
        return changed(null, at);
    }

    /** Staff moved the party to another table. */
    List<Object> movedTo(UUID newTableId, Instant at) {
        if (newTableId == null || newTableId.equals(tableId) || state == TabState.MERGED) {
            return List.of();
        }
        tableId = newTableId;
        return changed(null, at);
    }

    /**
     * Staff merged this tab's session into {@code into}'s: its orders ({@code entries}), and the sessions merged into
     * it before, are that tab's from now on, and this one is left empty, {@code MERGED}.
     */
    List<Object> joinInto(Tab into, List<TabOrder> entries, Instant at) {
        if (state == TabState.MERGED || into == this) {
            return List.of();
        }
        for (TabOrder entry : entries) {
            count(entry, -1);
            entry.moveTo(into);
            into.count(entry, 1);
        }
        into.orderCount += orderCount;
        orderCount = 0;
        Set<UUID> merged = new LinkedHashSet<>(Arrays.asList(into.mergedSessionIds));
        merged.add(tableSessionId);
        merged.addAll(Arrays.asList(mergedSessionIds));
        into.mergedSessionIds = merged.toArray(UUID[]::new);
        state = TabState.MERGED;
        mergedInto = into.tableSessionId;
        settledAt = null;
        List<Object> events = new ArrayList<>(changed(null, at));
        events.addAll(into.changed(null, at));
        return events;
    }

    /** Says so: a tab with a balance is open; a closed session's tab that owes nothing is settled. */
    private List<Object> changed(UUID orderId, Instant at) {
        if (state != TabState.MERGED) {
            if (balance > 0) {
                state = TabState.OPEN;
                settledAt = null;
            }
            else if (sessionClosedAt != null && state == TabState.OPEN) {
                state = TabState.SETTLED;
                settledAt = at;
            }
        }
        changedAt = at;
        return List.of(event(orderId));
    }

    /** Adds ({@code sign} 1) or takes away (-1) what {@code entry} counts: the totals, without reading every entry. */
    private void count(TabOrder entry, int sign) {
        total = Math.addExact(total, sign * entry.total());
        paid = Math.addExact(paid, sign * entry.paid());
        balance = Math.subtractExact(total, paid);
    }

    private TabChanged event(UUID orderId) {
        return new TabChanged(id, tenantId, locationId, tableSessionId, tableId, mergedSessionIds(), mergedInto,
                currency, total, paid, balance, billPaid, TabChanged.State.valueOf(state.name()), sessionClosedAt != null,
                orderCount, orderId, changedAt);
    }

    /** A new order's entry on the tab, and the {@code tab.changed} its arrival causes. */
    record Change(TabOrder entry, List<Object> events) {
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

    public UUID tableSessionId() {
        return tableSessionId;
    }

    public UUID tableId() {
        return tableId;
    }

    public String currency() {
        return currency;
    }

    public TabState state() {
        return state;
    }

    public long total() {
        return total;
    }

    public long paid() {
        return paid;
    }

    public long balance() {
        return balance;
    }

    public long billPaid() {
        return billPaid;
    }

    public long sharesRefunded() {
        return sharesRefunded;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public Instant settledAt() {
        return settledAt;
    }

    public boolean sessionClosed() {
        return sessionClosedAt != null;
    }

    public UUID mergedInto() {
        return mergedInto;
    }

    public List<UUID> mergedSessionIds() {
        return List.of(mergedSessionIds);
    }

    public int orderCount() {
        return orderCount;
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
