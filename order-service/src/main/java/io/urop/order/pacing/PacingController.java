package io.urop.order.pacing;

import java.util.UUID;

import jakarta.validation.Valid;

import io.urop.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A location's pacing: the kitchen and staff read it, managers and owners set it. */
@RestController
@RequestMapping("/api/v1/kitchen/pacing")
class PacingController {

    private final Pacing pacing;

    PacingController(Pacing pacing) {
        this.pacing = pacing;
    }

    @GetMapping
    PacingSettings get(@RequestParam UUID locationId) {
        return pacing.settings(CurrentUser.require(), locationId);
    }

    /** Sets the location's pacing, whole: a cap left out is none. */
    @PutMapping
    PacingSettings update(@RequestParam UUID locationId, @Valid @RequestBody PacingUpdate update) {
        return pacing.update(CurrentUser.require(), locationId, update);
    }
}
