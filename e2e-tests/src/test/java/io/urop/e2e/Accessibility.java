package io.urop.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Page;

/**
 * axe-core, from the apps' own npm packages, run in a page as it is on screen: the violations it rates serious or
 * critical (contrast, names, labels, roles), each with where it is.
 */
final class Accessibility {

    private static final Path AXE = Path.of("..", "web", "frontend", "node_modules", "axe-core", "axe.min.js");

    private static final String SERIOUS = """
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
                .map(violation => violation.id + ': ' + violation.help + ' at '
                    + violation.nodes.map(node => node.target.join(' ')).join(', '))""";

    private Accessibility() {
    }

    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Page page) {
        // evaluated through the browser's debugging protocol, which the apps' CSP (no inline script) does not govern
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(axeSource());
        }
        return (List<String>) page.evaluate(SERIOUS);
    }

    private static String axeSource() {
        try {
            return Files.readString(AXE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("axe-core is installed with the apps' npm packages (web/frontend)", e);
        }
    }
}
