package io.urop.tenant.location;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.urop.web.validation.CurrencyCode;
import io.urop.web.validation.TimeZoneId;

/**
 * What an owner says about a location: where it is and how it charges.
 *
 * @param taxRateBasisPoints       the sales tax (VAT) rate in 1/100 of a percent: 2000 is 20 %
 * @param pricesIncludeTax         whether menu prices include that tax (as in the EU) or it is added (as in the US)
 * @param serviceChargeBasisPoints added to each bill, in 1/100 of a percent; 0 for none
 * @param openingHours             when it serves; empty means no set hours
 * @param menuAccess               who may read its published menu; PUBLIC when not given
 * @param firstOrderApproval       whether staff approve the first order of each table session before it reaches the
 *                                 kitchen (against pranks); no when not given
 */
public record LocationDetails(
        @NotBlank @Size(max = 120) String name,
        @NotNull @Valid Address address,
        @NotNull @CurrencyCode String currency,
        @NotNull @TimeZoneId String timeZone,
        @NotNull @Min(0) @Max(10000) Integer taxRateBasisPoints,
        @NotNull Boolean pricesIncludeTax,
        @NotNull @Min(0) @Max(10000) Integer serviceChargeBasisPoints,
        @NotNull PaymentMode paymentMode,
        @Size(max = 50) List<@NotNull @Valid OpeningPeriod> openingHours,
        MenuAccess menuAccess,
        Boolean firstOrderApproval) {

    public LocationDetails {
        name = name == null ? null : name.strip();
        openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
        menuAccess = menuAccess == null ? MenuAccess.PUBLIC : menuAccess;
        firstOrderApproval = Boolean.TRUE.equals(firstOrderApproval);
    }
}
