package io.urop.order.kitchen;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

import org.springframework.data.domain.Persistable;

import io.urop.events.order.TicketBumped;
import io.urop.events.order.TicketFired;
import io.urop.events.order.TicketRecalled;
import io.urop.order.ordering.Actor;
import io.urop.web.NotFoundException;

/**
 * What one station makes of one send of an order, for one course: the aggregate that guards the ticket's rules
 * ({@link TicketState}) and returns the events each change causes. A voided line stays on it, struck through; a
 * cancelled order voids it, never deletes it.
 */
@Entity
@Table(name = "kitchen_tickets")
public class KitchenTicket implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "location_id")
    private UUID locationId;

    @Column(name = "order_id")
    private UUID orderId;

    private String station;

    @Column(name = "table_id")
    private UUID tableId;

    @Column(name = "table_session_id")
    private UUID tableSessionId;

    private int round;

    private int course;

    @Enumerated(EnumType.STRING)
    private TicketState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "held_for")
    private HeldFor heldFor;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "fired_at")
    private Instant firedAt;

    @Column(name = "bumped_at")
    private Instant bumpedAt;

    @Column(name = "bumped_by")
    private String bumpedBy;

    /** Whether its order was served: it is off the expeditor's view. */
    @Column(name = "picked_up")
    private boolean pickedUp;

    @Version
    private Long version;

    @ElementCollection
    @CollectionTable(name = "ticket_items", joinColumns = @JoinColumn(name = "ticket_id"))
    @OrderColumn(name = "seq")
    private List<TicketItem> items = new ArrayList<>();

    protected KitchenTicket() {
    }

    /** A new ticket, held for {@code heldFor}, or (null) to be fired at once. */
    static KitchenTicket of(UUID id, UUID tenantId, UUID locationId, UUID orderId, String station, UUID tableId,
            UUID tableSessionId, int round, int course, List<TicketItem> items, HeldFor heldFor, Instant at) {
        KitchenTicket ticket = new KitchenTicket();
        ticket.id = id;
        ticket.tenantId = tenantId;
        ticket.locationId = locationId;
        ticket.orderId = orderId;
        ticket.station = station;
        ticket.tableId = tableId;
        ticket.tableSessionId = tableSessionId;
        ticket.round = round;
        ticket.course = course;
        ticket.items.addAll(items);
        ticket.state = TicketState.HELD;
        ticket.heldFor = heldFor;
        ticket.createdAt = at;
        return ticket;
    }

    /** Onto the station's screen. */
    List<Object> fire(String tableName, Instant at) {
        if (state != TicketState.HELD) {
            throw new TicketConflict(state, "Only a held ticket can be fired");
        }
        state = TicketState.OPEN;
        heldFor = null;
        firedAt = at;
        List<TicketFired.Item> fired = items.stream()
                .map(item -> new TicketFired.Item(item.lineId(), item.name(), item.sizeName(), item.quantity(),
                        item.readableChoices(), item.allergens(), item.note(), item.alsoFor()))
                .toList();
        return List.of(new TicketFired(id, orderId, tenantId, locationId, station, tableId, tableName, tableSessionId,
                round, course, fired, at));
    }

    List<Object> bump(Actor actor, Instant at) {
        if (state != TicketState.OPEN) {
            throw new TicketConflict(state, "Only an open ticket can be bumped");
        }
        items.forEach(item -> item.bump(at));
        return done(actor, at);
    }

    /** One item is done; the ticket is, once no item is left to make. */
    List<Object> bumpItem(UUID lineId, Actor actor, Instant at) {
        if (state != TicketState.OPEN) {
            throw new TicketConflict(state, "Only an item of an open ticket can be bumped");
        }
        List<TicketItem> ofLine = items.stream().filter(candidate -> candidate.lineId().equals(lineId)).toList();
        if (ofLine.isEmpty()) {
            throw new NotFoundException("No such item on this ticket");
        }
        ofLine.forEach(item -> item.bump(at));
        return items.stream().anyMatch(TicketItem::pending) ? List.of() : done(actor, at);
    }

    /** Back on the screen, if it was bumped no longer than {@code window} ago and its order is not served. */
    List<Object> recall(Actor actor, Instant at, Duration window) {
        if (state != TicketState.BUMPED || pickedUp) {
            throw new TicketConflict(state, pickedUp ? "Its order was served" : "Only a bumped ticket can be recalled");
        }
        if (bumpedAt.plus(window).isBefore(at)) {
            throw new TicketConflict(state, "It was bumped more than " + window.toMinutes() + " minutes ago");
        }
        state = TicketState.OPEN;
        bumpedAt = null;
        bumpedBy = null;
        items.forEach(TicketItem::unbump);
        return List.of(new TicketRecalled(id, orderId, tenantId, locationId, station, actor.subject(), at));
    }

    /** Its order was cancelled or rejected: nothing more of it is made, and it shows so. */
    void voidAll(String reason, Instant at) {
        if (state == TicketState.VOIDED) {
            return;
        }
        items.stream().filter(item -> !item.voided()).forEach(item -> item.voidIt(reason, at));
        state = TicketState.VOIDED;
    }

    /** Staff voided an order line: struck through here, not removed. */
    void voidLine(UUID lineId, String reason, Instant at) {
        items.stream().filter(item -> item.lineId().equals(lineId) && !item.voided())
                .forEach(item -> item.voidIt(reason, at));
    }

    void holdFor(HeldFor reason) {
        if (state == TicketState.HELD) {
            heldFor = reason;
        }
    }

    void pickUp() {
        pickedUp = true;
    }

    void moveTo(UUID tableId) {
        this.tableId = tableId;
    }

    private List<Object> done(Actor actor, Instant at) {
        state = TicketState.BUMPED;
        bumpedAt = at;
        bumpedBy = actor.subject();
        return List.of(new TicketBumped(id, orderId, tenantId, locationId, station, actor.subject(), at));
    }


    /** Every allergen of its items not voided, for the ticket's header. */
    public Set<String> allergens() {
        Set<String> allergens = new TreeSet<>();
        items.stream().filter(item -> !item.voided()).forEach(item -> allergens.addAll(item.allergens()));
        return allergens;
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

    public UUID orderId() {
        return orderId;
    }

    public String station() {
        return station;
    }

    public UUID tableId() {
        return tableId;
    }

    public UUID tableSessionId() {
        return tableSessionId;
    }

    public int round() {
        return round;
    }

    public int course() {
        return course;
    }

    public TicketState state() {
        return state;
    }

    public HeldFor heldFor() {
        return heldFor;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant firedAt() {
        return firedAt;
    }

    public Instant bumpedAt() {
        return bumpedAt;
    }

    public String bumpedBy() {
        return bumpedBy;
    }

    public List<TicketItem> items() {
        return List.copyOf(items);
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
