package io.urop.order.location;

/**
 * How a location taxes and charges for service.
 *
 * @param rateBasisPoints          the sales tax (VAT) rate in 1/100 of a percent: 2000 is 20 %
 * @param pricesIncludeTax         whether menu prices include that tax (as in the EU) or it is added (as in the US)
 * @param serviceChargeBasisPoints added to each order, in 1/100 of a percent; 0 for none
 */
public record TaxSettings(int rateBasisPoints, boolean pricesIncludeTax, int serviceChargeBasisPoints) {
}
