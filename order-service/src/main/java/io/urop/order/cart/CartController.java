package io.urop.order.cart;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import io.urop.web.IdempotencyKey;
import io.urop.order.ordering.OrderView;
import io.urop.order.ordering.Ordering;
import io.urop.security.VerifiedToken;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A diner's table cart: shared with the table, each guest's own lines its own to change, sent as an order. */
@RestController
@RequestMapping("/api/v1/orders/cart")
class CartController {

    private final Carts carts;

    CartController(Carts carts) {
        this.carts = carts;
    }

    @GetMapping
    CartView view(@AuthenticationPrincipal VerifiedToken token) {
        return carts.view(token);
    }

    @PostMapping("/lines")
    ResponseEntity<CartView> add(@AuthenticationPrincipal VerifiedToken token,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key,
            @Valid @RequestBody CartLineRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(carts.add(token, IdempotencyKey.of(key), request));
    }

    @PutMapping("/lines/{lineId}")
    CartView change(@AuthenticationPrincipal VerifiedToken token, @PathVariable UUID lineId,
            @Valid @RequestBody CartLineRequest request) {
        return carts.change(token, lineId, request);
    }

    @DeleteMapping("/lines/{lineId}")
    CartView remove(@AuthenticationPrincipal VerifiedToken token, @PathVariable UUID lineId) {
        return carts.remove(token, lineId);
    }

    /** Sends the cart as an order: the table's, or the guest's own lines, as the location chooses. */
    @PostMapping("/submission")
    ResponseEntity<OrderView> submit(@AuthenticationPrincipal VerifiedToken token,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key,
            @Valid @RequestBody(required = false) Submission submission) {
        Ordering.Placing placing = carts.submit(token, IdempotencyKey.of(key),
                submission == null ? new Submission(null, null, null) : submission);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/orders/" + placing.order().id()))
                .header("Idempotent-Replayed", String.valueOf(placing.replayed()))
                .body(placing.order());
    }
}
