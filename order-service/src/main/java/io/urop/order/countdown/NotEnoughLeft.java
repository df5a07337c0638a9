package io.urop.order.countdown;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 409: the order asks for more portions of a counted-down item than are left; the problem names the item
 * ({@code itemId}, {@code item}) and how many are left ({@code remaining}). Nothing was ordered.
 */
public class NotEnoughLeft extends ErrorResponseException {

    static final URI TYPE = URI.create("https://urop.io/problems/not-enough-left");

    NotEnoughLeft(UUID itemId, String name, int remaining) {
        super(HttpStatus.CONFLICT, problem(itemId, name, remaining), null);
    }

    private static ProblemDetail problem(UUID itemId, String name, int remaining) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, remaining == 0
                ? name + " is sold out" : "Only " + remaining + " of " + name + " left: order fewer");
        problem.setType(TYPE);
        problem.setTitle("Not enough left");
        problem.setProperty("itemId", itemId);
        problem.setProperty("item", name);
        problem.setProperty("remaining", remaining);
        return problem;
    }
}
