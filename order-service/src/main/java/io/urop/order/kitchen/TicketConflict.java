package io.urop.order.kitchen;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: the ticket is not in a state that allows what was asked; the problem names the state it is in. */
public class TicketConflict extends ErrorResponseException {

    static final URI TYPE = URI.create("https://urop.io/problems/illegal-ticket-transition");

    TicketConflict(TicketState state, String detail) {
        super(HttpStatus.CONFLICT, problem(state, detail), null);
    }

    private static ProblemDetail problem(TicketState state, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setType(TYPE);
        problem.setTitle("Not possible in this state");
        problem.setProperty("state", state.name());
        return problem;
    }
}
