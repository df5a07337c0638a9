package io.urop.order.cart;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.urop.events.Uuid7;
import io.urop.events.table.TableSessionsMerged;
import io.urop.order.Team;
import io.urop.web.IdempotencyKey;
import io.urop.order.idempotency.IdempotencyKeys;
import io.urop.order.location.Location;
import io.urop.order.location.LocationAccess;
import io.urop.order.location.Locations;
import io.urop.order.ordering.OrderRequest;
import io.urop.order.ordering.Ordering;
import io.urop.order.pricing.LinePreview;
import io.urop.order.pricing.MenuPricing;
import io.urop.order.pricing.RequestedLine;
import io.urop.order.pricing.UnorderableLines;
import io.urop.order.table.DinerSeats;
import io.urop.security.CurrentUser;
import io.urop.security.VerifiedToken;
import io.urop.web.ConflictException;
import io.urop.web.NotFoundException;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared cart of a table session. Every guest at the table sees every line and who added it; a guest changes and
 * removes only its own. Sending places the whole table's cart as one order, or the guest's own lines, as the
 * location chooses; the lines sent leave the cart in the same transaction, and are locked while they are sent, so
 * that two guests sending at once send each line once. Repeated orders of one session land on the same tab.
 */
@Service
public class Carts {

    /** More than a table orders at once; a cart grows no further (it is held in the database). */
    static final int MAX_LINES = 100;

    private final CartLines lines;
    private final OrderingSettings settings;
    private final Locations locations;
    private final LocationAccess access;
    private final MenuPricing pricing;
    private final Ordering ordering;
    private final IdempotencyKeys keys;
    private final DinerSeats seats;
    private final Clock clock;

    Carts(CartLines lines, OrderingSettings settings, Locations locations, LocationAccess access, MenuPricing pricing,
            Ordering ordering, IdempotencyKeys keys, DinerSeats seats, Clock clock) {
        this.lines = lines;
        this.settings = settings;
        this.locations = locations;
        this.access = access;
        this.pricing = pricing;
        this.ordering = ordering;
        this.keys = keys;
        this.seats = seats;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CartView view(VerifiedToken token) {
        DinerSeats.Seat seat = seats.of(token);
        return view(seat, location(seat));
    }

    /** Adds a line the menu can price now; once per Idempotency-Key. */
    @Transactional
    public CartView add(VerifiedToken token, IdempotencyKey key, CartLineRequest request) {
        DinerSeats.Seat seat = seats.of(token);
        Location location = location(seat);
        UUID lineId = Uuid7.next();
        if (keys.claim(seat.tenant(), seat.guest(), key, request, lineId, clock.instant()).isEmpty()) {
            if (lines.count(seat.session()) >= MAX_LINES) {
                throw new ConflictException("The table's cart holds at most " + MAX_LINES + " lines: send it first");
            }
            requireOrderable(location, request.line());
            lines.add(seat.tenant(), location.id(), new CartLine(lineId, seat.session(), seat.guest(),
                    request.guestName(), request.line(), clock.instant()));
        }
        return view(seat, location);
    }

    @Transactional
    public CartView change(VerifiedToken token, UUID lineId, CartLineRequest request) {
        DinerSeats.Seat seat = seats.of(token);
        Location location = location(seat);
        own(seat, lineId);
        requireOrderable(location, request.line());
        lines.replace(lineId, request.guestName(), request.line());
        return view(seat, location);
    }

    @Transactional
    public CartView remove(VerifiedToken token, UUID lineId) {
        DinerSeats.Seat seat = seats.of(token);
        own(seat, lineId);
        lines.remove(List.of(lineId));
        return view(seat, location(seat));
    }

    /**
     * Sends the cart (the table's, or the guest's own lines) as one order. A repeat with the same Idempotency-Key, once
     * the first has sent the lines, returns the order it placed.
     */
    @Transactional
    public Ordering.Placing submit(VerifiedToken token, IdempotencyKey key, Submission submission) {
        DinerSeats.Seat seat = seats.of(token);
        Location location = location(seat);
        boolean wholeTable = settings.cartSubmission(location.id()) == CartSubmission.TABLE;
        List<CartLine> sent = lines.lockOf(seat.session()).stream()
                .filter(line -> wholeTable || line.guestId().equals(seat.guest()))
                .toList();
        if (sent.isEmpty()) {
            Optional<UUID> earlier = keys.earlier(seat.tenant(), seat.guest(), key);
            if (earlier.isPresent()) {
                return new Ordering.Placing(ordering.get(CurrentUser.of(token), earlier.get()), true);
            }
            throw new ConflictException(wholeTable ? "The table's cart is empty" : "You have nothing in the cart");
        }
        OrderRequest request = new OrderRequest(sent.stream().map(CartLine::line).toList(), submission.note(), null,
                null, null, null, submission.payNow(), submission.scheduledFor());
        Ordering.Placing placing = ordering.place(token, key, request);
        lines.remove(sent.stream().map(CartLine::id).toList());
        return placing;
    }

    @Transactional(readOnly = true)
    public CartSubmission submissionAt(CurrentUser user, UUID locationId) {
        access.require(user, locationId, Team.KITCHEN_OR_FRONT);
        return settings.cartSubmission(locationId);
    }

    @Transactional
    public void chooseSubmission(CurrentUser user, UUID locationId, CartSubmission submission) {
        access.require(user, locationId, Team.MANAGERS);
        settings.save(user.requireTenant(), locationId, submission);
    }

    /** Staff merged two parties: the merged session's cart is the other's from now on. */
    @EventListener
    void on(TableSessionsMerged merged) {
        lines.moveAll(merged.mergedSessionId(), merged.sessionId());
    }

    private CartView view(DinerSeats.Seat seat, Location location) {
        List<CartLine> cart = lines.of(seat.session());
        List<LinePreview> previews = cart.isEmpty() ? List.of()
                : pricing.preview(location, cart.stream().map(CartLine::line).toList());
        return CartView.of(seat.guest(), cart, previews, settings.cartSubmission(location.id()));
    }

    private void requireOrderable(Location location, RequestedLine line) {
        LinePreview preview = pricing.preview(location, List.of(line)).get(0);
        if (!preview.orderable()) {
            throw UnorderableLines.of(preview.problems());
        }
    }

    private void own(DinerSeats.Seat seat, UUID lineId) {
        CartLine line = lines.find(seat.session(), lineId).orElseThrow(() -> new NotFoundException("No such line"));
        if (!line.guestId().equals(seat.guest())) {
            throw new AccessDeniedException("Only the guest who added a line changes or removes it");
        }
    }

    private Location location(DinerSeats.Seat seat) {
        Location location = locations.find(seat.location())
                .orElseThrow(() -> new NotFoundException("No such location"));
        if (!location.open()) {
            throw new ConflictException("This location is closed and takes no orders");
        }
        return location;
    }
}
