package io.urop.order.ordering;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.urop.contracts.Role;
import io.urop.order.Team;
import io.urop.order.location.LocationAccess;
import io.urop.order.location.Locations;
import io.urop.order.table.DinerSeats;
import io.urop.order.table.DiningTables;
import io.urop.security.CurrentUser;
import io.urop.web.InvalidFieldException;
import io.urop.web.NotFoundException;
import io.urop.web.Paged;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is read of orders beyond one order's own view: a location's orders for its staff and kitchen, filtered and
 * paged, and an order's receipt. A location a member is limited away from, like another tenant's, is not found; a
 * receipt is visible to whoever sees the order itself (a diner of its table session, or the location's members).
 */
@Service
public class OrderRecords {


    private final OrderSearch search;
    private final Orders orders;
    private final Locations locations;
    private final LocationAccess access;
    private final DinerSeats seats;
    private final DiningTables tables;

    OrderRecords(OrderSearch search, Orders orders, Locations locations, LocationAccess access, DinerSeats seats, DiningTables tables) {
        this.search = search;
        this.orders = orders;
        this.locations = locations;
        this.access = access;
        this.seats = seats;
        this.tables = tables;
    }

    /** The location's orders matching the filter, newest first. */
    @Transactional(readOnly = true)
    public Paged<OrderSummary> list(CurrentUser user, OrderFilter filter, int page, int size) {
        access.require(user, filter.locationId(), Team.KITCHEN_OR_FRONT);
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new InvalidFieldException("to", "must be after from");
        }
        List<OrderSummary> found = search.find(filter, (long) page * size, size);
        Map<UUID, String> names = found.isEmpty() ? Map.of() : tables.namesAt(filter.locationId());
        return new Paged<>(found.stream().map(order -> order.atTable(names.get(order.tableId()))).toList(), page, size,
                search.count(filter));
    }

    @Transactional(readOnly = true)
    public Receipt receipt(CurrentUser user, UUID orderId) {
        Order order = orders.findById(orderId).orElseThrow(() -> new NotFoundException("No such order"));
        boolean visible = user.hasRole(Role.DINER)
                ? order.tableSessionId() != null && order.tableSessionId().equals(seats.session(user))
                : user.mayAccessLocation(order.locationId());
        if (!visible) {
            throw new NotFoundException("No such order");
        }
        String tableName = order.tableId() == null ? null : tables.name(order.tableId()).orElse(null);
        return Receipt.of(order, locations.find(order.locationId()).orElse(null), tableName);
    }
}
