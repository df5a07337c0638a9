package io.urop.payment.checkout;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.urop.web.InvalidFieldException;

/**
 * The tip a diner adds: a percentage of what is owed (the app's presets, or any other) or an amount in minor units;
 * neither is no tip. At most what is owed.
 */
public record TipRequest(BigDecimal tipPercent, Long tipAmount) {

    static final TipRequest NONE = new TipRequest(null, null);

    /** @throws InvalidFieldException 400 for both, a negative one, or more than the amount owed */
    long of(long owed) {
        if (tipPercent != null && tipAmount != null) {
            throw new InvalidFieldException("tipAmount", "give either tipPercent or tipAmount, not both");
        }
        long tip;
        if (tipPercent != null) {
            if (tipPercent.signum() < 0 || tipPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new InvalidFieldException("tipPercent", "must be between 0 and 100");
            }
            tip = tipPercent.multiply(BigDecimal.valueOf(owed)).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                    .longValueExact();
        }
        else {
            tip = tipAmount == null ? 0 : tipAmount;
            if (tip < 0) {
                throw new InvalidFieldException("tipAmount", "must not be negative");
            }
            if (tip > owed) {
                throw new InvalidFieldException("tipAmount", "must not be more than what is owed (" + owed + ")");
            }
        }
        return tip;
    }
}
