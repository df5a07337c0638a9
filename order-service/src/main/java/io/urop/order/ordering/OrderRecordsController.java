package io.urop.order.ordering;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.urop.security.CurrentUser;
import io.urop.web.InvalidFieldException;
import io.urop.web.Paged;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading orders: a location's, filtered, for its staff and kitchen; and an order's receipt. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderRecordsController {

    private final OrderRecords records;

    OrderRecordsController(OrderRecords records) {
        this.records = records;
    }

    /**
     * The location's orders, newest first: in any of the states given ({@code state} repeated), at a table, placed
     * from (inclusive) and to (exclusive) two instants, with {@code q} in a line's name or the order's note.
     */
    @GetMapping
    Paged<OrderSummary> list(@RequestParam(required = false) UUID locationId,
            @RequestParam(required = false) List<OrderState> state,
            @RequestParam(required = false) UUID tableId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Paged.DEFAULT_SIZE) @Min(1) @Max(Paged.MAX_SIZE) int size) {
        if (locationId == null) {
            throw new InvalidFieldException("locationId", "is required: the location whose orders to list");
        }
        return records.list(CurrentUser.require(), new OrderFilter(locationId,
                state == null ? null : new HashSet<>(state), tableId, from, to, q), page, size);
    }

    /** The order as a receipt prints it. */
    @GetMapping("/{orderId}/receipt")
    Receipt receipt(@PathVariable UUID orderId) {
        return records.receipt(CurrentUser.require(), orderId);
    }
}
