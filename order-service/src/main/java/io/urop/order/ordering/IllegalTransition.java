package io.urop.order.ordering;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: the order is not in a state that allows what was asked; the problem names the state it is in. */
public class IllegalTransition extends ErrorResponseException {

    static final URI TYPE = URI.create("https://urop.io/problems/illegal-order-transition");

    IllegalTransition(OrderState state, String detail) {
        super(HttpStatus.CONFLICT, problem(state, detail), null);
    }

    private static ProblemDetail problem(OrderState state, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setType(TYPE);
        problem.setTitle("Not possible in this state");
        problem.setProperty("state", state.name());
        return problem;
    }
}
