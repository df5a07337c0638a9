package io.urop.order.pricing;

import java.util.List;
import java.util.Map;

import io.urop.menu.model.SelectionProblem;
import io.urop.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 400: lines that cannot be ordered as sent (an item sold out or not served now, a required choice missing, too many
 * picks...): the validation problem listing every one in {@code errors}, each with its path in the request
 * ({@code lines[1].choices[0].optionId}), a stable code and a message a diner can read. Nothing was ordered.
 */
public class UnorderableLines extends ErrorResponseException {

    /** One line that cannot be ordered, its problems' paths as they are (not prefixed by the line's place). */
    public static UnorderableLines of(List<SelectionProblem> problems) {
        return new UnorderableLines(problems.stream()
                .map(problem -> Map.of("field", problem.path(), "code", problem.code().name(),
                        "message", problem.message()))
                .toList());
    }

    UnorderableLines(List<Map<String, String>> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
    }

    private static ProblemDetail problem(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? errors.get(0).get("message") : "Some lines cannot be ordered as they are");
        problem.setType(Problems.VALIDATION);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }
}
