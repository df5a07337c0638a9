package io.urop.web.validation;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConstraintsTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    record Settings(@CurrencyCode String currency, @TimeZoneId String zone) {
    }

    @Test
    void realCurrenciesAndZonesPass() {
        assertThat(validator.validate(new Settings("EUR", "Europe/Paris"))).isEmpty();
        assertThat(validator.validate(new Settings("JPY", "Asia/Tokyo"))).isEmpty();
        assertThat(validator.validate(new Settings(null, null))).isEmpty();
    }

    @Test
    void madeUpOnesAreRefused() {
        assertThat(validator.validate(new Settings("eur", "Europe/Pariss"))).hasSize(2);
        assertThat(validator.validate(new Settings("XYZ", "GMT+25"))).hasSize(2);
        assertThat(validator.validate(new Settings("EURO", ""))).hasSize(2);
    }
}
