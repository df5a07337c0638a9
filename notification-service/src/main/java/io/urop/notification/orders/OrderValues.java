package io.urop.notification.orders;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.urop.notification.orders.PlacedOrders.Location;

/**
 * What an order's messages may name, written for the recipient's language: amounts in the order's currency as that
 * language writes them, the time it was placed in its location's time zone.
 */
final class OrderValues {

    // a location this service has not heard of yet (its events long gone from the topic) is named so
    private static final Map<String, String> UNNAMED = Map.of("en", "the restaurant", "fr", "le restaurant",
            "de", "das Restaurant", "es", "el restaurante");

    private final PlacedOrder order;
    private final String restaurant;
    private final ZoneId zone;
    private final Locale locale;
    private final Long paid;

    private OrderValues(PlacedOrder order, String restaurant, ZoneId zone, Locale locale, Long paid) {
        this.order = order;
        this.restaurant = restaurant;
        this.zone = zone;
        this.locale = locale;
        this.paid = paid;
    }

    static OrderValues of(PlacedOrder order, Optional<Location> location, String language) {
        return new OrderValues(order, location.map(Location::name).orElse(UNNAMED.getOrDefault(language, "")),
                location.map(Location::timeZone).map(OrderValues::zone).orElse(ZoneOffset.UTC),
                Locale.forLanguageTag(language), null);
    }

    /** With what was paid for it, in minor units: the tip is what goes beyond its total. */
    OrderValues paid(long amount) {
        return new OrderValues(order, restaurant, zone, locale, amount);
    }

    Map<String, Object> asMap() {
        Map<String, Object> values = new HashMap<>();
        values.put("restaurant", restaurant);
        values.put("reference", order.reference());
        values.put("collect", order.collected());
        values.put("placedAt", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(order.placedAt()));
        values.put("items", order.lines().stream()
                .map(line -> Map.of("quantity", line.quantity(), "name", line.name())).toList());
        List<Map<String, Object>> lines = order.lines().stream()
                .map(line -> Map.<String, Object>of("quantity", line.quantity(), "name", line.name(),
                        "unitPrice", money(line.unitPrice()), "total", money(line.total())))
                .toList();
        values.put("lines", lines);
        values.put("subtotal", money(order.subtotal()));
        values.put("tax", money(order.tax()));
        values.put("taxIncluded", order.taxIncluded());
        values.put("serviceCharge", order.serviceCharge() == 0 ? "" : money(order.serviceCharge()));
        values.put("total", money(order.total()));
        long tip = paid == null ? 0 : Math.max(0, paid - order.total());
        values.put("tip", tip == 0 ? "" : money(tip));
        values.put("paid", money(paid == null ? order.total() : paid));
        return values;
    }

    private String money(long minorUnits) {
        Currency currency = Currency.getInstance(order.currency());
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMaximumFractionDigits(Math.max(0, currency.getDefaultFractionDigits()));
        format.setMinimumFractionDigits(Math.max(0, currency.getDefaultFractionDigits()));
        return format.format(BigDecimal.valueOf(minorUnits).movePointLeft(Math.max(0,
                currency.getDefaultFractionDigits())));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        }
        catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
