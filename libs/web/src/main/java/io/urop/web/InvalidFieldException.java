package io.urop.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 400 for a field that passed bean validation but breaks a rule only the service can check (a
 * password policy, a wrong current password, a role that is not allowed): the same validation
 * problem, with the field in {@code errors}.
 */
public class InvalidFieldException extends ErrorResponseException {

    public InvalidFieldException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, problem(field, message), null);
    }

    private static ProblemDetail problem(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Field '" + field + "' " + message);
        problem.setType(Problems.VALIDATION);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new FieldError(field, message)));
        return problem;
    }
}
