package io.urop.order.pricing;

import java.util.List;
import java.util.UUID;

/** Lines priced from one version of the location's menu, in that menu's currency. */
public record PricedLines(UUID menuId, int menuVersion, String currency, List<LineDraft> lines) {

    public PricedLines {
        lines = List.copyOf(lines);
    }
}
