package io.urop.notification.delivery;

import java.util.Optional;

import io.urop.security.CurrentUser;
import io.urop.web.Paged;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeliveryLogController {

    private final Deliveries deliveries;

    DeliveryLogController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** The emails and SMS sent for the tenant, or tried, newest first; {@code status} keeps one kind of outcome. */
    @GetMapping("/api/v1/notifications/deliveries")
    Paged<Delivery> deliveries(@RequestParam(required = false) DeliveryStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Paged.DEFAULT_SIZE) @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return deliveries.log(CurrentUser.require(), Optional.ofNullable(status), page, size);
    }
}
