package io.urop.order.pricing;

import java.util.List;

import io.urop.menu.model.SelectionProblem;

/** One line priced from the menu ({@code draft}), or, when it cannot be ordered now, every reason why. */
public record LinePreview(LineDraft draft, List<SelectionProblem> problems) {

    public LinePreview {
        problems = List.copyOf(problems);
    }

    public boolean orderable() {
        return problems.isEmpty();
    }
}
