package io.urop.payment.refund;

import java.util.UUID;

import com.stripe.exception.StripeException;
import io.urop.security.CurrentUser;
import io.urop.web.IdempotencyKey;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payments")
class RefundController {

    private final Refunding refunding;

    RefundController(Refunding refunding) {
        this.refunding = refunding;
    }

    /** Gives (part of) a paid payment back, with a reason; an Idempotency-Key is required (it moves money). */
    @PostMapping("/{paymentId}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    RefundView refund(@PathVariable UUID paymentId, @Valid @RequestBody RefundRequest request,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) throws StripeException {
        return refunding.refund(CurrentUser.require(), paymentId, request, IdempotencyKey.of(key));
    }
}
