package io.urop.auth.account;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.urop.security.Role;
import io.urop.web.FieldError;
import io.urop.web.Problems;

/** 400: an account can only hold the roles of restaurant staff. */
class InvalidRoleException extends ErrorResponseException {

    InvalidRoleException(Set<Role> roles) {
        super(HttpStatus.BAD_REQUEST, problem(roles), null);
    }

    private static ProblemDetail problem(Set<Role> roles) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "An account's roles are among " + Role.staff() + ", not " + roles);
        problem.setType(Problems.VALIDATION);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new FieldError("roles", "must be staff roles")));
        return problem;
    }
}
