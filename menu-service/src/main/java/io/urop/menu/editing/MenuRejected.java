package io.urop.menu.editing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.urop.menu.model.Violation;
import io.urop.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 400 for a menu that breaks the menu's rules (libs/menu-model's validator) or names pictures the tenant never
 * uploaded: the validation problem with every broken rule in {@code errors}, each with the field's path in the
 * document and a stable code. 422 when the menu goes beyond one of the limits no real restaurant reaches (languages,
 * items, options, size, ...), the limit named in the detail.
 */
public class MenuRejected extends ErrorResponseException {

    /** The code of an {@code imageKey} that is no picture of the tenant (only menu-service can tell). */
    public static final String UNKNOWN_IMAGE = "UNKNOWN_IMAGE";

    static final URI TOO_LARGE = URI.create("https://urop.io/problems/menu-too-large");

    public MenuRejected(List<Violation> violations) {
        this(violations, List.of());
    }

    /** The validator's violations, then one for each path naming a picture the tenant does not have. */
    public MenuRejected(List<Violation> violations, List<String> unknownImagePaths) {
        super(status(violations), problem(violations, unknownImagePaths), null);
    }

    private static HttpStatus status(List<Violation> violations) {
        return overLimit(violations).isPresent() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
    }

    private static ProblemDetail problem(List<Violation> violations, List<String> unknownImagePaths) {
        List<Map<String, String>> errors = new ArrayList<>();
        violations.forEach(v -> errors.add(Map.of("field", v.path(), "code", v.code().name(), "message", v.message())));
        unknownImagePaths.forEach(path -> errors.add(Map.of("field", path, "code", UNKNOWN_IMAGE,
                "message", "names no picture uploaded for this tenant")));
        ProblemDetail problem = overLimit(violations)
                .map(limit -> {
                    ProblemDetail tooLarge = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                            "The menu is over a limit" + (limit.path().isEmpty() ? "" : " at " + limit.path()) + ": "
                                    + limit.message());
                    tooLarge.setType(TOO_LARGE);
                    tooLarge.setTitle("Menu too large");
                    return tooLarge;
                })
                .orElseGet(() -> {
                    ProblemDetail invalid = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.size() == 1
                            ? "The menu breaks a rule: " + errors.get(0).get("message")
                            : "The menu breaks " + errors.size() + " rules");
                    invalid.setType(Problems.VALIDATION);
                    invalid.setTitle("Invalid menu");
                    return invalid;
                });
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Optional<Violation> overLimit(List<Violation> violations) {
        return violations.stream().filter(violation -> violation.code() == Violation.Code.LIMIT_EXCEEDED).findFirst();
    }
}
