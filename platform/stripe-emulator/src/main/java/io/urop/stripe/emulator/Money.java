package io.urop.stripe.emulator;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Amounts in a currency's smallest unit, written as people read them: {@code €12.50}. */
final class Money {

    private Money() {
    }

    static String format(long minorUnits, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode.toUpperCase(Locale.ROOT));
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        return currency.getSymbol(Locale.US) + BigDecimal.valueOf(minorUnits, digits).toPlainString();
    }
}
