package io.urop.payment.bill;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.urop.payment.checkout.TipRequest;
import io.urop.web.InvalidFieldException;

/**
 * A diner's share of the table's bill: one of {@code parts} equal shares (2 to 20), an {@code amount} of its choosing
 * in minor units, or the lines of the tab it pays for ({@code lineIds}, as order-service names them); with the tip it
 * adds to its own share.
 */
public record ShareRequest(Long amount, Integer parts, List<UUID> lineIds, BigDecimal tipPercent, Long tipAmount) {

    static final int MAX_PARTS = 20;
    static final int MAX_LINES = 200;

    /** @throws InvalidFieldException 400 for none or more than one way of sharing, or a value out of range */
    void check() {
        long ways = (amount != null ? 1 : 0) + (parts != null ? 1 : 0) + (lineIds != null ? 1 : 0);
        if (ways != 1) {
            throw new InvalidFieldException("amount",
                    "give one of amount (your own share), parts (equal shares) or lineIds (what you had)");
        }
        if (amount != null && amount <= 0) {
            throw new InvalidFieldException("amount", "must be positive");
        }
        if (parts != null && (parts < 2 || parts > MAX_PARTS)) {
            throw new InvalidFieldException("parts", "must be between 2 and " + MAX_PARTS);
        }
        if (lineIds != null && (lineIds.isEmpty() || lineIds.size() > MAX_LINES || lineIds.contains(null))) {
            throw new InvalidFieldException("lineIds", "must name 1 to " + MAX_LINES + " lines of the table's tab");
        }
    }

    boolean byItems() {
        return lineIds != null;
    }

    Set<UUID> lines() {
        return Set.copyOf(lineIds);
    }

    TipRequest tip() {
        return new TipRequest(tipPercent, tipAmount);
    }
}
