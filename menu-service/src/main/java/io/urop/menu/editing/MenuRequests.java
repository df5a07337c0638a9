package io.urop.menu.editing;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.urop.web.validation.CurrencyCode;

/** The bodies of the menu endpoints. */
final class MenuRequests {

    private MenuRequests() {
    }

    /** A new, empty menu; {@code locationIds} may be empty (served nowhere yet). */
    record NewMenu(@NotBlank @Size(max = 200) String name, @NotNull @CurrencyCode String currency,
            @Size(min = 2, max = 35) String defaultLanguage, Set<@NotNull UUID> locationIds) {
    }

    record Rename(@NotBlank @Size(max = 200) String name) {
    }

    record Locations(@NotNull Set<@NotNull UUID> locationIds) {
    }
}
