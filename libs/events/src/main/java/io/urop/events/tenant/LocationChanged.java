package io.urop.events.tenant;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import io.urop.events.IntegrationEvent;

/**
 * A location of a tenant as it is now, after any change: opened at sign-up or later, changed, or closed.
 * It carries the whole state, not what changed, so a consumer keeps its own copy by replacing it.
 * Produced by tenant-service in the transaction of the change, keyed by the location id. Events of one
 * location are published in commit order, but one may still arrive twice or late (a redelivery, a
 * replay): consumers keep the state with the highest {@code version} they have seen and ignore a lower
 * or equal one.
 *
 * @param currency                 ISO 4217, e.g. {@code EUR}
 * @param timeZone                 an IANA zone id, e.g. {@code Europe/Paris}, for dayparts and display
 * @param taxRateBasisPoints       the sales tax (VAT) rate in 1/100 of a percent: 2000 is 20 %
 * @param pricesIncludeTax         whether menu prices include that tax (as in the EU) or it is added (as in the US)
 * @param serviceChargeBasisPoints added to each bill, in 1/100 of a percent; 0 for none
 * @param paymentMode              how its diners pay
 * @param openingHours             when it serves; empty means no set hours
 * @param menuAccess               who may read the location's published menu; an event from before this field
 *                                 existed carries none, which means PUBLIC
 * @param firstOrderApproval       whether staff approve the first order of each table session before it reaches
 *                                 the kitchen (against pranks from a photographed code); none means no
 * @param status                   OPEN, or CLOSED once its owner closed it for good
 * @param version                  the location's version, one higher with every change
 */
@IntegrationEvent(type = "tenant.location-changed", version = 1)
public record LocationChanged(UUID locationId, UUID tenantId, String name, String currency, String timeZone,
        int taxRateBasisPoints, boolean pricesIncludeTax, int serviceChargeBasisPoints, PaymentMode paymentMode,
        List<OpeningPeriod> openingHours, MenuAccess menuAccess, Boolean firstOrderApproval, Status status,
        long version) {

    public LocationChanged {
        openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
        menuAccess = menuAccess == null ? MenuAccess.PUBLIC : menuAccess;
        firstOrderApproval = Boolean.TRUE.equals(firstOrderApproval);
    }

    public enum PaymentMode {
        /** Each order is paid as it is placed. */
        PAY_WHEN_ORDERING,
        /** Orders run on the table's tab, settled at the end. */
        PAY_AT_THE_END,
        /** The diner chooses. */
        EITHER,
        /** A mode this consumer does not know yet (read so, not refused). */
        @JsonEnumDefaultValue
        UNKNOWN
    }

    public enum MenuAccess {
        /** Anyone may read the menu. */
        PUBLIC,
        /** Diners seated at one of its tables, and the tenant's staff. */
        TABLE_GUESTS,
        /** An access this consumer does not know yet: treat it as the closest to closed it knows. */
        @JsonEnumDefaultValue
        UNKNOWN
    }

    public enum Status {
        OPEN,
        CLOSED,
        /** A state this consumer does not know yet: not open. */
        @JsonEnumDefaultValue
        UNKNOWN
    }

    /** Open on {@code day} from {@code opens} to {@code closes}, local time; closing before opening runs past midnight. */
    public record OpeningPeriod(DayOfWeek day, LocalTime opens, LocalTime closes) {
    }
}
