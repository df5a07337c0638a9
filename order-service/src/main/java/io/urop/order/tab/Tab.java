package io.urop.order.tab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.urop.events.order.TabChanged;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What a table session's party owes: the aggregate that follows the session's orders and keeps, in minor units of
 * its currency, their {@code total}, what is {@code paid} and the {@code balance} still owed. Each change returns the
 * {@code tab.changed} it causes, the whole tab as it stands, or nothing when nothing changed, so a consumer hears of
 * each change once. A tab is never deleted: a closed session's tab that is still owed stays open for staff, and a tab
 * whose session was merged into another stays, empty, naming the tab its orders joined. Concurrent changes are kept
 * apart by its version.
 */
@Entity
@Table(name = "tabs")
public class Tab {

    private static final Comparator<TabOrder> OLDEST_FIRST = Comparator.comparing(TabOrder::placedAt)
            .thenComparing(TabOrder::orderId);

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

    @Version
    private Long version;

    /** Loaded for a page of tabs in one query rather than one per tab. */
    @ElementCollection
    @CollectionTable(name = "tab_orders", joinColumns = @JoinColumn(name = "tab_id"))
    @OrderColumn(name = "seq")
    @BatchSize(size = 64)
    private List<TabOrder> orders = new ArrayList<>();

    protected Tab() {
    }

    /**
     * An order of the session: owed until the tab is settled, or paid already when it was paid as it was placed. An
     * order the tab has already changes nothing.
     */
    List<Object> add(UUID orderId, Instant placedAt, boolean onTab, long orderTotal, Instant at) {
        if (state == TabState.MERGED) {
            throw new IllegalStateException("Tab " + id + " joined another: its session's orders go there");
        }
        if (entry(orderId) != null) {
            return List.of();
        }
        orders.add(new TabOrder(tenantId, orderId, placedAt, onTab, orderTotal));
        return changed(at);
    }

    /**
     * What one of its orders costs now: after a void, an add-on, or its cancellation or rejection (nothing). An order
     * paid as it was placed stays paid whatever it costs: its refund is its payment's.
     */
    List<Object> orderCosts(UUID orderId, long orderTotal, Instant at) {
        TabOrder entry = entry(orderId);
        if (entry == null || !entry.costs(orderTotal)) {
            return List.of();
        }
        return changed(at);
    }

    /** The party paid its bill: every order on it is paid. */
    List<Object> settle(Instant at) {
        if (state == TabState.MERGED) {
            return List.of();
        }
        boolean paidNow = false;
        for (TabOrder entry : orders) {
            paidNow |= entry.pay();
        }
        if (!paidNow && state == TabState.SETTLED) {
            return List.of();
        }
        sumUp();
        state = TabState.SETTLED;
        settledAt = at;
        changedAt = at;
        return List.of(event());
    }

    /** The session is over: nothing more is ordered on it; what is still owed stays open until paid. */
    List<Object> sessionClosed(Instant at) {
        if (sessionClosedAt != null || state == TabState.MERGED) {
            return List.of();
        }
        sessionClosedAt = at;
        return changed(at);
    }

    /** Staff moved the party to another table. */
    List<Object> movedTo(UUID newTableId, Instant at) {
        if (newTableId == null || newTableId.equals(tableId) || state == TabState.MERGED) {
            return List.of();
        }
        tableId = newTableId;
        return changed(at);
    }

    /**
     * Staff merged this tab's session into {@code into}'s: its orders, and the sessions merged into it before, are
     * that tab's from now on, and this one is left empty, {@code MERGED}.
     */
    List<Object> joinInto(Tab into, Instant at) {
        if (state == TabState.MERGED || into == this) {
            return List.of();
        }
        for (TabOrder entry : orders) {
            if (into.entry(entry.orderId()) == null) {
                into.orders.add(entry);
            }
        }
        Set<UUID> merged = new LinkedHashSet<>(Arrays.asList(into.mergedSessionIds));
        merged.add(tableSessionId);
        merged.addAll(Arrays.asList(mergedSessionIds));
        into.mergedSessionIds = merged.toArray(UUID[]::new);
        orders.clear();
        state = TabState.MERGED;
        mergedInto = into.tableSessionId;
        settledAt = null;
        List<Object> events = new ArrayList<>(changed(at));
        events.addAll(into.changed(at));
        return events;
    }

    /** Sums it up and says so: a tab with a balance is open; a closed session's tab that owes nothing is settled. */
    private List<Object> changed(Instant at) {
        sumUp();
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
        return List.of(event());
    }

    private void sumUp() {
        long costs = 0;
        long paidSoFar = 0;
        for (TabOrder entry : orders) {
            costs = Math.addExact(costs, entry.total());
            paidSoFar = Math.addExact(paidSoFar, entry.paid());
        }
        total = costs;
        paid = paidSoFar;
        balance = Math.subtractExact(costs, paidSoFar);
    }

    private TabChanged event() {
        return new TabChanged(id, tenantId, locationId, tableSessionId, tableId, mergedSessionIds(), mergedInto,
                currency, total, paid, balance, TabChanged.State.valueOf(state.name()), sessionClosedAt != null,
                orders().stream().map(TabOrder::orderId).toList(), changedAt);
    }

    private TabOrder entry(UUID orderId) {
        return orders.stream().filter(entry -> entry.orderId().equals(orderId)).findFirst().orElse(null);
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

    /** Oldest first. */
    public List<TabOrder> orders() {
        return orders.stream().sorted(OLDEST_FIRST).toList();
    }
}
