package io.urop.payment.bill;

import java.util.List;

import com.stripe.exception.StripeException;
import io.urop.payment.checkout.CheckoutView;
import io.urop.security.CurrentUser;
import io.urop.web.IdempotencyKey;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payments/table-session")
class BillController {

    private final BillSplitting splitting;

    BillController(BillSplitting splitting) {
        this.splitting = splitting;
    }

    /** The diner's table's bill: what is owed, paid, being paid and left. */
    @GetMapping("/bill")
    BillView bill() {
        return splitting.bill(CurrentUser.require());
    }

    /** What the diner's table ordered, item by item, and which items are still open to pay by items. */
    @GetMapping("/bill/items")
    List<BillItem> items() {
        return splitting.items(CurrentUser.require());
    }

    /** The diner pays its share of the table's bill: Stripe's checkout page for it. An Idempotency-Key is required. */
    @PostMapping("/shares")
    @ResponseStatus(HttpStatus.CREATED)
    CheckoutView share(@RequestBody ShareRequest request,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) throws StripeException {
        return splitting.payShare(CurrentUser.require(), request, IdempotencyKey.of(key));
    }
}
