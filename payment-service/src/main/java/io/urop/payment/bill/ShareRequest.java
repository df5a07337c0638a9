package io.urop.payment.bill;

import java.math.BigDecimal;

import io.urop.payment.checkout.TipRequest;
import io.urop.web.InvalidFieldException;

/**
 * A diner's share of the table's bill: one of {@code parts} equal shares (2 to 20), or an {@code amount} of its
 * choosing, in minor units; with the tip it adds to its own share.
 */
public record ShareRequest(Long amount, Integer parts, BigDecimal tipPercent, Long tipAmount) {

    static final int MAX_PARTS = 20;

    /** @throws InvalidFieldException 400 for neither or both, or a value out of range */
    void check() {
        if ((amount == null) == (parts == null)) {
            throw new InvalidFieldException("amount", "give either amount (your own share) or parts (equal shares)");
        }
        if (amount != null && amount <= 0) {
            throw new InvalidFieldException("amount", "must be positive");
        }
        if (parts != null && (parts < 2 || parts > MAX_PARTS)) {
            throw new InvalidFieldException("parts", "must be between 2 and " + MAX_PARTS);
        }
    }

    TipRequest tip() {
        return new TipRequest(tipPercent, tipAmount);
    }
}
