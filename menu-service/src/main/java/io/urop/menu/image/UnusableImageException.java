package io.urop.menu.image;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 400 (or 413, 415, 422, 503): the upload is not a picture this service takes now; nothing was stored. */
class UnusableImageException extends ErrorResponseException {

    UnusableImageException(String detail) {
        this(HttpStatus.BAD_REQUEST, detail);
    }

    UnusableImageException(HttpStatus status, String detail) {
        super(status, problem(status, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://urop.io/problems/unusable-image"));
        problem.setTitle("Unusable image");
        return problem;
    }
}
