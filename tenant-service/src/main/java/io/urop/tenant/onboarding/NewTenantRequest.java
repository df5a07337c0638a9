package io.urop.tenant.onboarding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.urop.web.validation.CurrencyCode;
import io.urop.web.validation.TimeZoneId;

/**
 * @param slug the tenant's address on the platform: lowercase letters, digits and inner hyphens
 */
record NewTenantRequest(
        @NotBlank @Size(max = 120) String name,
        @NotNull @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])",
                message = "must be 3-40 lowercase letters, digits or inner hyphens") String slug,
        @NotNull @CurrencyCode String currency,
        @NotNull @TimeZoneId String timeZone) {
}
