package io.urop.order.pacing;

import java.net.URI;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 409: the kitchen's slot has no room for this order. {@code nextSlotWithRoom} is the start of the next slot that has
 * room (send it as {@code scheduledFor} to order for then), or null when none has within the search horizon. Nothing
 * was ordered.
 */
public class SlotFull extends ErrorResponseException {

    static final URI TYPE = URI.create("https://urop.io/problems/slot-full");

    SlotFull(Instant slot, Full full, Instant nextSlotWithRoom) {
        super(HttpStatus.CONFLICT, problem(slot, full, nextSlotWithRoom), null);
    }

    private static ProblemDetail problem(Instant slot, Full full, Instant next) {
        String refusal = full.station() == null ? "The kitchen takes no more orders"
                : "The kitchen's " + full.station() + " has no more time";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refusal + " for now: "
                + (next == null ? "please ask the staff" : "you may order for the next slot with room, from " + next));
        problem.setType(TYPE);
        problem.setTitle("Kitchen full");
        problem.setProperty("slotStart", slot);
        problem.setProperty("station", full.station());
        problem.setProperty("nextSlotWithRoom", next);
        return problem;
    }
}
