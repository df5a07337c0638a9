package io.urop.order.countdown;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import io.urop.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The items a location counts down ("12 portions of the special"): staff set and remove counts, the kitchen reads
 * them.
 */
@RestController
@RequestMapping("/api/v1/kitchen/countdowns")
class CountdownController {

    private final Countdown countdown;

    CountdownController(Countdown countdown) {
        this.countdown = countdown;
    }

    @GetMapping
    List<CountdownView> list(@RequestParam UUID locationId) {
        return countdown.list(CurrentUser.require(), locationId);
    }

    /** Counts the item anew: {@code remaining} portions are left to order from now. */
    @PutMapping
    CountdownView set(@RequestParam UUID locationId, @Valid @RequestBody CountdownRequest request) {
        return countdown.set(CurrentUser.require(), locationId, request);
    }

    @DeleteMapping("/{itemId}")
    ResponseEntity<Void> remove(@RequestParam UUID locationId, @PathVariable UUID itemId) {
        countdown.remove(CurrentUser.require(), locationId, itemId);
        return ResponseEntity.noContent().build();
    }
}
