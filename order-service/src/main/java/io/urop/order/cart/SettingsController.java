package io.urop.order.cart;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.urop.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How a location's tables order: managers choose whether a cart is sent by the whole table or by each guest. */
@RestController
@RequestMapping("/api/v1/orders/settings")
class SettingsController {

    private final Carts carts;

    SettingsController(Carts carts) {
        this.carts = carts;
    }

    @GetMapping
    Settings get(@RequestParam UUID locationId) {
        return new Settings(carts.submissionAt(CurrentUser.require(), locationId));
    }

    @PutMapping
    Settings put(@RequestParam UUID locationId, @Valid @RequestBody Settings changed) {
        carts.chooseSubmission(CurrentUser.require(), locationId, changed.cartSubmission());
        return changed;
    }

    record Settings(@NotNull CartSubmission cartSubmission) {
    }
}
