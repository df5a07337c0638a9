package io.urop.menu.diner;

import io.urop.web.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 401 for a menu only table guests read, asked for without a usable access token, with the challenge RFC 6750
 * asks for (and, like every 401 of the platform, without saying why a token was refused).
 */
class TableGuestsOnly extends ErrorResponseException {

    private TableGuestsOnly(String challenge, String detail) {
        super(HttpStatus.UNAUTHORIZED, problem(detail), null);
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }

    static TableGuestsOnly tokenRequired() {
        return new TableGuestsOnly("Bearer", "This menu is for the restaurant's table guests: scan the code on your table");
    }

    static TableGuestsOnly tokenRefused() {
        return new TableGuestsOnly("Bearer error=\"invalid_token\"", "invalid or expired token");
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setType(Problems.UNAUTHORIZED);
        problem.setTitle("Unauthorized");
        return problem;
    }
}
