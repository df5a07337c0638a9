package io.urop.payment.checkout;

import java.util.UUID;

import com.stripe.exception.StripeException;
import io.urop.security.CurrentUser;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payments")
class CheckoutController {

    private final Checkouts checkouts;

    CheckoutController(Checkouts checkouts) {
        this.checkouts = checkouts;
    }

    /**
     * The diner's way to pay its order: Stripe's checkout page with the tip it chose. Asking again returns the same
     * checkout while it has time left and the tip is the same; another tip opens a new one and closes the first.
     */
    @PostMapping("/orders/{orderId}/checkout")
    CheckoutView checkout(@PathVariable UUID orderId, @RequestBody(required = false) TipRequest tip)
            throws StripeException {
        return checkouts.open(CurrentUser.require(), orderId, tip);
    }
}
