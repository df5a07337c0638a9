package io.urop.order.kitchen;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.urop.events.Uuid7;
import io.urop.events.order.OrderCancelled;
import io.urop.events.order.OrderLineVoided;
import io.urop.events.order.OrderRejected;
import io.urop.events.order.OrderServed;
import io.urop.events.table.TableSessionApproved;
import io.urop.events.table.TableSessionMoved;
import io.urop.order.OrderEvents;
import io.urop.order.Team;
import io.urop.order.location.Location;
import io.urop.order.location.LocationAccess;
import io.urop.order.location.Locations;
import io.urop.order.ordering.Actor;
import io.urop.order.ordering.KitchenProgress;
import io.urop.order.ordering.Order;
import io.urop.order.ordering.OrderLine;
import io.urop.order.ordering.Ordering;
import io.urop.order.ordering.Orders;
import io.urop.order.ordering.ReachedKitchen;
import io.urop.order.pacing.Pacing;
import io.urop.order.pacing.ScheduledSlotStarted;
import io.urop.order.pricing.LineChoice;
import io.urop.order.table.ApprovedSessions;
import io.urop.order.table.DiningTables;
import io.urop.security.CurrentUser;
import io.urop.web.NotFoundException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The kitchen's side of orders. When lines reach the kitchen they are split into tickets, one per station and course
 * (an option made elsewhere, "also at: bar", goes on that station's ticket too); later courses, and every ticket of a
 * session the location still has to approve, are held until staff fire them or approve the session. Bumping and
 * recalling tickets moves their order on (started, ready when every ticket is bumped, back to preparing on a recall);
 * a cancelled order voids its tickets and a voided line is struck through on them. Only the tenant's kitchen and
 * staff, at locations they may work at, see or touch tickets.
 * The tickets of an order scheduled for a later slot ({@link Pacing}) are held until that slot starts.
 */
@Service
@EnableConfigurationProperties(KitchenProperties.class)
public class Kitchen {

    private final KitchenTickets tickets;
    private final Orders orders;
    private final Ordering ordering;
    private final Locations locations;
    private final LocationAccess access;
    private final ApprovedSessions approvals;
    private final DiningTables tables;
    private final OrderEvents orderEvents;
    private final KitchenProperties properties;
    private final Clock clock;
    private final Pacing pacing;

    Kitchen(KitchenTickets tickets, Orders orders, Ordering ordering, Locations locations, LocationAccess access,
            ApprovedSessions approvals, DiningTables tables, OrderEvents orderEvents, KitchenProperties properties,
            Clock clock, Pacing pacing) {
        this.tickets = tickets;
        this.orders = orders;
        this.ordering = ordering;
        this.locations = locations;
        this.access = access;
        this.approvals = approvals;
        this.tables = tables;
        this.orderEvents = orderEvents;
        this.properties = properties;
        this.clock = clock;
        this.pacing = pacing;
    }

    @EventListener
    void on(ReachedKitchen reached) {
        Order order = orders.findById(reached.orderId()).orElseThrow();
        boolean awaitingApproval = order.placedByDiner() && order.tableSessionId() != null
                && locations.find(order.locationId()).map(Location::firstOrderApproval).orElse(false)
                && !approvals.approved(order.tableSessionId());
        boolean scheduled = pacing.scheduledStart(order.id()).isPresent();
        Map<StationCourse, List<TicketItem>> split = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            if (line.round() == reached.round() && !line.voided()) {
                split.computeIfAbsent(new StationCourse(line.station(), line.course()), key -> new ArrayList<>())
                        .add(new TicketItem(order.tenantId(), line.id(), line.name(), line.sizeName(), line.quantity(),
                                line.choices(), line.allergens(), line.note(), null));
                alsoAt(order, line, line.choices(), split);
            }
        }
        Instant now = clock.instant();
        String tableName = tableName(order.tableId());
        split.forEach((key, items) -> {
            HeldFor heldFor = awaitingApproval ? HeldFor.APPROVAL : scheduled ? HeldFor.SCHEDULE
                    : key.course() > 1 ? HeldFor.COURSE : null;
            KitchenTicket ticket = KitchenTicket.of(Uuid7.next(), order.tenantId(), order.locationId(), order.id(),
                    key.station(), order.tableId(), order.tableSessionId(), reached.round(), key.course(), items,
                    heldFor, now);
            tickets.save(ticket);
            if (heldFor == null) {
                publish(ticket, ticket.fire(tableName, now));
            }
        });
    }

    @EventListener
    void on(OrderCancelled cancelled) {
        voidTickets(cancelled.orderId(), "cancelled" + (cancelled.reason() == null ? "" : ": " + cancelled.reason()));
    }

    @EventListener
    void on(OrderRejected rejected) {
        voidTickets(rejected.orderId(), "rejected: " + rejected.reason());
    }

    @EventListener
    void on(OrderLineVoided voided) {
        Instant now = clock.instant();
        tickets.findByOrderIdOrderByCreatedAtAscIdAsc(voided.orderId())
                .forEach(ticket -> ticket.voidLine(voided.lineId(), voided.reason(), now));
    }

    @EventListener
    void on(OrderServed served) {
        tickets.findByOrderIdOrderByCreatedAtAscIdAsc(served.orderId()).forEach(KitchenTicket::pickUp);
    }

    /**
     * Staff approved the session: its held orders reach the kitchen, later courses and orders scheduled for a later
     * slot staying held.
     */
    @EventListener
    void on(TableSessionApproved approved) {
        Instant now = clock.instant();
        for (KitchenTicket ticket : tickets.findByTableSessionIdAndStateAndHeldFor(approved.sessionId(),
                TicketState.HELD, HeldFor.APPROVAL)) {
            if (pacing.scheduledStart(ticket.orderId()).isPresent()) {
                ticket.holdFor(HeldFor.SCHEDULE);
            }
            else if (ticket.course() > 1) {
                ticket.holdFor(HeldFor.COURSE);
            }
            else {
                publish(ticket, ticket.fire(tableName(ticket.tableId()), now));
            }
        }
    }

    /** The slot an order was scheduled for started: its tickets reach their stations, later courses staying held. */
    @EventListener
    void on(ScheduledSlotStarted started) {
        Instant now = clock.instant();
        for (KitchenTicket ticket : tickets.findByOrderIdOrderByCreatedAtAscIdAsc(started.orderId())) {
            if (ticket.state() != TicketState.HELD || ticket.heldFor() != HeldFor.SCHEDULE) {
                continue;
            }
            if (ticket.course() > 1) {
                ticket.holdFor(HeldFor.COURSE);
            }
            else {
                publish(ticket, ticket.fire(tableName(ticket.tableId()), now));
            }
        }
    }

    @EventListener
    void on(TableSessionMoved moved) {
        tickets.findByTableSessionIdAndPickedUpFalse(moved.sessionId())
                .forEach(ticket -> ticket.moveTo(moved.toTableId()));
    }

    @Transactional
    public TicketView bump(CurrentUser user, UUID ticketId) {
        KitchenTicket ticket = visible(user, ticketId);
        Actor actor = Actor.of(user);
        publish(ticket, ticket.bump(actor, clock.instant()));
        progress(ticket, actor);
        return view(ticket);
    }

    @Transactional
    public TicketView bumpItem(CurrentUser user, UUID ticketId, UUID lineId) {
        KitchenTicket ticket = visible(user, ticketId);
        Actor actor = Actor.of(user);
        publish(ticket, ticket.bumpItem(lineId, actor, clock.instant()));
        progress(ticket, actor);
        return view(ticket);
    }

    @Transactional
    public TicketView recall(CurrentUser user, UUID ticketId) {
        KitchenTicket ticket = visible(user, ticketId);
        Actor actor = Actor.of(user);
        publish(ticket, ticket.recall(actor, clock.instant(), properties.recallWindow()));
        ordering.kitchenProgress(ticket.orderId(), KitchenProgress.RECALLED, actor);
        return view(ticket);
    }

    /** Staff fire an order's held course: its tickets reach their stations. */
    @Transactional
    public List<TicketView> fireCourse(CurrentUser user, UUID orderId, int course) {
        Team.KITCHEN_OR_FRONT.require(user);
        Instant now = clock.instant();
        List<KitchenTicket> held = tickets.findByOrderIdOrderByCreatedAtAscIdAsc(orderId).stream()
                .filter(ticket -> user.mayAccessLocation(ticket.locationId()))
                .filter(ticket -> ticket.state() == TicketState.HELD && ticket.heldFor() == HeldFor.COURSE
                        && ticket.course() == course)
                .toList();
        if (held.isEmpty()) {
            throw new NotFoundException("No held course " + course + " on this order");
        }
        held.forEach(ticket -> publish(ticket, ticket.fire(tableName(ticket.tableId()), now)));
        return held.stream().map(this::view).toList();
    }

    /** A station's screen: its open tickets, oldest first, with their age. */
    @Transactional(readOnly = true)
    public List<TicketView> station(CurrentUser user, UUID locationId, String station) {
        access.require(user, locationId, Team.KITCHEN_OR_FRONT);
        return openTickets(locationId, station);
    }

    /** A station's open tickets, for a screen that missed too much to catch up on its pushes (the tenant bound). */
    @Transactional(readOnly = true)
    public List<TicketView> openTickets(UUID locationId, String station) {
        return views(locationId,
                tickets.findByLocationIdAndStationAndStateOrderByFiredAtAscIdAsc(locationId, station,
                        TicketState.OPEN));
    }

    /** What a station bumped within the recall window, newest first: what it may still recall. */
    @Transactional(readOnly = true)
    public List<TicketView> recentlyBumped(CurrentUser user, UUID locationId, String station) {
        access.require(user, locationId, Team.KITCHEN_OR_FRONT);
        Instant since = clock.instant().minus(properties.recallWindow());
        return views(locationId, tickets.findByLocationIdAndStationAndStateAndBumpedAtAfterOrderByBumpedAtDesc(
                locationId, station, TicketState.BUMPED, since));
    }

    /** The tickets held back at the location: later courses to fire, sessions to approve. */
    @Transactional(readOnly = true)
    public List<TicketView> held(CurrentUser user, UUID locationId) {
        access.require(user, locationId, Team.KITCHEN_OR_FRONT);
        return views(locationId,
                tickets.findByLocationIdAndStateOrderByCreatedAtAscIdAsc(locationId, TicketState.HELD));
    }

    /** The expeditor's view: every order not yet served with its tickets across stations, oldest first. */
    @Transactional(readOnly = true)
    public List<TicketView.OrderTickets> expeditor(CurrentUser user, UUID locationId) {
        access.require(user, locationId, Team.KITCHEN_OR_FRONT);
        return ordersInTheKitchen(locationId);
    }

    /** The orders not yet served, with their tickets, for the expeditor's screen (the tenant bound). */
    @Transactional(readOnly = true)
    public List<TicketView.OrderTickets> ordersInTheKitchen(UUID locationId) {
        Map<UUID, String> names = tables.namesAt(locationId);
        Instant now = clock.instant();
        Map<UUID, List<TicketView>> byOrder = new LinkedHashMap<>();
        tickets.findByLocationIdAndPickedUpFalseAndStateInOrderByCreatedAtAscIdAsc(locationId,
                        EnumSet.of(TicketState.HELD, TicketState.OPEN, TicketState.BUMPED))
                .forEach(ticket -> byOrder.computeIfAbsent(ticket.orderId(), order -> new ArrayList<>())
                        .add(TicketView.of(ticket, names.get(ticket.tableId()), now)));
        return byOrder.entrySet().stream().map(entry -> {
            List<TicketView> views = entry.getValue();
            TicketView first = views.get(0);
            long age = views.stream().mapToLong(TicketView::ageSeconds).max().orElse(0);
            boolean ready = views.stream().allMatch(view -> view.state() == TicketState.BUMPED);
            return new TicketView.OrderTickets(entry.getKey(), first.tableId(), first.tableName(), age, ready, views);
        }).toList();
    }

    private void alsoAt(Order order, OrderLine line, List<LineChoice> choices,
            Map<StationCourse, List<TicketItem>> split) {
        for (LineChoice choice : choices) {
            if (choice.station() != null && !choice.station().equals(line.station())) {
                split.computeIfAbsent(new StationCourse(choice.station(), line.course()), key -> new ArrayList<>())
                        .add(new TicketItem(order.tenantId(), line.id(), choice.name(), null,
                                line.quantity() * choice.quantity(), choice.choices(), line.allergens(), line.note(),
                                line.name()));
            }
            alsoAt(order, line, choice.choices(), split);
        }
    }

    private void progress(KitchenTicket ticket, Actor actor) {
        boolean done = tickets.findByOrderIdOrderByCreatedAtAscIdAsc(ticket.orderId()).stream()
                .filter(candidate -> candidate.state() != TicketState.VOIDED)
                .allMatch(candidate -> candidate.state() == TicketState.BUMPED);
        ordering.kitchenProgress(ticket.orderId(), done ? KitchenProgress.DONE : KitchenProgress.STARTED, actor);
    }

    private void voidTickets(UUID orderId, String reason) {
        Instant now = clock.instant();
        tickets.findByOrderIdOrderByCreatedAtAscIdAsc(orderId).forEach(ticket -> ticket.voidAll(reason, now));
    }

    private void publish(KitchenTicket ticket, List<Object> events) {
        orderEvents.publish(ticket.tenantId(), ticket.orderId().toString(), events);
    }

    private KitchenTicket visible(CurrentUser user, UUID ticketId) {
        Team.KITCHEN_OR_FRONT.require(user);
        return tickets.findById(ticketId).filter(ticket -> user.mayAccessLocation(ticket.locationId()))
                .orElseThrow(() -> new NotFoundException("No such ticket"));
    }

    private List<TicketView> views(UUID locationId, List<KitchenTicket> found) {
        Map<UUID, String> names = found.isEmpty() ? Map.of() : tables.namesAt(locationId);
        Instant now = clock.instant();
        return found.stream().map(ticket -> TicketView.of(ticket, names.get(ticket.tableId()), now)).toList();
    }

    private TicketView view(KitchenTicket ticket) {
        return TicketView.of(ticket, tableName(ticket.tableId()), clock.instant());
    }

    private String tableName(UUID tableId) {
        return tableId == null ? null : tables.name(tableId).orElse(null);
    }

    private record StationCourse(String station, int course) {
    }
}
