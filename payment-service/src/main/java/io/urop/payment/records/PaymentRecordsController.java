package io.urop.payment.records;

import java.util.UUID;

import io.urop.security.CurrentUser;
import io.urop.web.InvalidFieldException;
import io.urop.web.Paged;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payments")
class PaymentRecordsController {

    private final PaymentRecords records;

    PaymentRecordsController(PaymentRecords records) {
        this.records = records;
    }

    /** A location's payments, newest first. */
    @GetMapping
    Paged<PaymentView> payments(@RequestParam(required = false) UUID locationId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Paged.DEFAULT_SIZE) @Min(1) @Max(Paged.MAX_SIZE) int size) {
        if (locationId == null) {
            throw new InvalidFieldException("locationId", "is required: the location whose payments to list");
        }
        return records.ofLocation(CurrentUser.require(), locationId, page, size);
    }

    @GetMapping("/{paymentId}")
    PaymentView payment(@PathVariable UUID paymentId) {
        return records.one(CurrentUser.require(), paymentId);
    }

    @GetMapping("/orders/{orderId}")
    PaymentView ofOrder(@PathVariable UUID orderId) {
        return records.ofOrder(CurrentUser.require(), orderId);
    }
}
