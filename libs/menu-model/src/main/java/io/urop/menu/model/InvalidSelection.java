package io.urop.menu.model;

import java.util.List;

/** A line that cannot be ordered as sent, with every problem found (never just the first). */
public record InvalidSelection(List<SelectionProblem> problems) implements PricingResult {

    public InvalidSelection {
        problems = Copies.list(problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid selection has at least one problem");
        }
    }
}
