package io.urop.menu.editing;

import java.util.List;
import java.util.Map;

import io.urop.menu.model.Violation;
import io.urop.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 400 for a menu that breaks the menu's rules (libs/menu-model's validator): the validation problem with
 * every broken rule in {@code errors}, each with the field's path in the document and a stable code.
 */
public class MenuRejected extends ErrorResponseException {

    public MenuRejected(List<Violation> violations) {
        super(HttpStatus.BAD_REQUEST, problem(violations), null);
    }

    private static ProblemDetail problem(List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, violations.size() == 1
                ? "The menu breaks a rule: " + violations.get(0).message()
                : "The menu breaks " + violations.size() + " rules");
        problem.setType(Problems.VALIDATION);
        problem.setTitle("Invalid menu");
        problem.setProperty("errors", violations.stream()
                .map(v -> Map.of("field", v.path(), "code", v.code().name(), "message", v.message())).toList());
        return problem;
    }
}
