package io.urop.menu.availability;

import java.util.List;
import java.util.UUID;

import io.urop.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a location has run out of: {@code PUT} an item's or an option's id to 86 it, {@code DELETE} when it is back. */
@RestController
@RequestMapping("/api/v1/menus/locations/{locationId}/unavailable")
class UnavailabilityController {

    private final Unavailability unavailability;

    UnavailabilityController(Unavailability unavailability) {
        this.unavailability = unavailability;
    }

    @GetMapping
    List<Unavailable> list(@PathVariable UUID locationId) {
        return unavailability.list(CurrentUser.require(), locationId);
    }

    @PutMapping("/{targetId}")
    ResponseEntity<Void> markUnavailable(@PathVariable UUID locationId, @PathVariable UUID targetId) {
        unavailability.markUnavailable(CurrentUser.require(), locationId, targetId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{targetId}")
    ResponseEntity<Void> markAvailable(@PathVariable UUID locationId, @PathVariable UUID targetId) {
        unavailability.markAvailable(CurrentUser.require(), locationId, targetId);
        return ResponseEntity.noContent().build();
    }
}
