package io.urop.order.ordering;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import io.urop.order.location.TaxSettings;

/**
 * The location's tax and service charge as they were when the order was placed: a later change of the location's
 * settings does not reprice an open order. The rules, in minor units:
 * <ul>
 * <li>each line's tax is rounded on its own, half up: {@code total × rate / (1 + rate)} when prices include the tax,
 *     {@code total × rate} when it is added; the order's tax is the sum of its lines' taxes, so a bill printed line by
 *     line adds up;
 * <li>the service charge is {@code subtotal × service rate}, rounded half up once for the order, on the prices as the
 *     menu shows them, and is not itself taxed;
 * <li>{@code total = subtotal + service charge}, plus the tax when it is added rather than included.
 * </ul>
 */
@Embeddable
public class Charges {

    private static final BigDecimal BASIS = BigDecimal.valueOf(10_000);

    @Column(name = "tax_rate_basis_points")
    private int taxRateBasisPoints;

    @Column(name = "prices_include_tax")
    private boolean pricesIncludeTax;

    @Column(name = "service_charge_basis_points")
    private int serviceChargeBasisPoints;

    protected Charges() {
    }

    public Charges(TaxSettings settings) {
        this.taxRateBasisPoints = settings.rateBasisPoints();
        this.pricesIncludeTax = settings.pricesIncludeTax();
        this.serviceChargeBasisPoints = settings.serviceChargeBasisPoints();
    }

    public long taxOf(long lineTotal) {
        BigDecimal total = BigDecimal.valueOf(lineTotal);
        BigDecimal rate = BigDecimal.valueOf(taxRateBasisPoints);
        BigDecimal tax = pricesIncludeTax
                ? total.multiply(rate).divide(BASIS.add(rate), 0, RoundingMode.HALF_UP)
                : total.multiply(rate).divide(BASIS, 0, RoundingMode.HALF_UP);
        return tax.longValueExact();
    }

    public long serviceChargeOf(long subtotal) {
        return BigDecimal.valueOf(subtotal).multiply(BigDecimal.valueOf(serviceChargeBasisPoints))
                .divide(BASIS, 0, RoundingMode.HALF_UP).longValueExact();
    }

    public long totalOf(long subtotal, long tax, long serviceCharge) {
        return Math.addExact(Math.addExact(subtotal, serviceCharge), pricesIncludeTax ? 0 : tax);
    }

    public boolean pricesIncludeTax() {
        return pricesIncludeTax;
    }

    int taxRateBasisPoints() {
        return taxRateBasisPoints;
    }

    int serviceChargeBasisPoints() {
        return serviceChargeBasisPoints;
    }
}
