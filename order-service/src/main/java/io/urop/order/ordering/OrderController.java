package io.urop.order.ordering;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import io.urop.web.IdempotencyKey;
import io.urop.security.CurrentUser;
import io.urop.security.VerifiedToken;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Orders: placing one, reading it, and moving it on through its life. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    /** Set on the answer to a repeated Idempotency-Key: the order is the one the first request placed. */
    static final String REPLAYED = "Idempotent-Replayed";

    private final Ordering ordering;

    OrderController(Ordering ordering) {
        this.ordering = ordering;
    }

    /** Places an order, priced by the service; the same Idempotency-Key again returns the same order. */
    @PostMapping
    ResponseEntity<OrderView> place(@AuthenticationPrincipal VerifiedToken token,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key,
            @Valid @RequestBody OrderRequest request) {
        Ordering.Placing placing = ordering.place(token, IdempotencyKey.of(key), request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/orders/" + placing.order().id()))
                .header(REPLAYED, String.valueOf(placing.replayed()))
                .body(placing.order());
    }

    /** Staff add lines to an order the kitchen has; they reach it as an add-on to the order's tickets. */
    @PostMapping("/{orderId}/lines")
    OrderView addLines(@PathVariable UUID orderId,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key,
            @Valid @RequestBody AddedLines request) {
        return ordering.addLines(CurrentUser.require(), orderId, IdempotencyKey.of(key), request);
    }

    @GetMapping("/{orderId}")
    OrderView get(@PathVariable UUID orderId) {
        return ordering.get(CurrentUser.require(), orderId);
    }

    /** Every transition of the order: who, when, why. */
    @GetMapping("/{orderId}/history")
    List<OrderView.Step> history(@PathVariable UUID orderId) {
        return ordering.history(CurrentUser.require(), orderId);
    }

    /** A diner's view: the orders of its own table session. */
    @GetMapping("/table-session")
    List<OrderView> sessionOrders() {
        return ordering.sessionOrders(CurrentUser.require());
    }

    @PostMapping("/{orderId}/acceptance")
    OrderView accept(@PathVariable UUID orderId) {
        return ordering.accept(CurrentUser.require(), orderId);
    }

    @PostMapping("/{orderId}/rejection")
    OrderView reject(@PathVariable UUID orderId, @Valid @RequestBody Reason reason) {
        return ordering.reject(CurrentUser.require(), orderId, reason);
    }

    @PostMapping("/{orderId}/cancellation")
    OrderView cancel(@PathVariable UUID orderId, @Valid @RequestBody(required = false) CancelRequest request) {
        return ordering.cancel(CurrentUser.require(), orderId, request == null ? new CancelRequest(null) : request);
    }

    @PostMapping("/{orderId}/lines/{lineId}/void")
    OrderView voidLine(@PathVariable UUID orderId, @PathVariable UUID lineId, @Valid @RequestBody Reason reason) {
        return ordering.voidLine(CurrentUser.require(), orderId, lineId, reason);
    }

    /** Staff brought it to the table or handed it over. */
    @PostMapping("/{orderId}/serving")
    OrderView serve(@PathVariable UUID orderId) {
        return ordering.serve(CurrentUser.require(), orderId);
    }

    /** Staff took the money for an order paid at the counter. */
    @PostMapping("/{orderId}/counter-payment")
    OrderView recordPayment(@PathVariable UUID orderId, @Valid @RequestBody CounterPayment payment) {
        return ordering.recordPayment(CurrentUser.require(), orderId, payment);
    }
}
