package io.urop.stripe.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** A line of a checkout session, priced inline through {@code price_data}. */
final class LineItem extends ApiObject {

    final String name;
    final String currency;
    final long unitAmount;
    final long quantity;
    private final String priceId = Ids.next("price_");
    private final String productId = Ids.next("prod_", 14);

    LineItem(String accountId, long created, String name, String currency, long unitAmount, long quantity) {
        super(Ids.next("li_"), accountId, created);
        this.name = name;
        this.currency = currency;
        this.unitAmount = unitAmount;
        this.quantity = quantity;
    }

    long amount() {
        return unitAmount * quantity;
    }

    @Override
    String objectName() {
        return "item";
    }

    @Override
    Map<String, Object> toJson() {
        Map<String, Object> json = header();
        json.put("amount_discount", 0);
        json.put("amount_subtotal", amount());
        json.put("amount_tax", 0);
        json.put("amount_total", amount());
        json.put("currency", currency);
        json.put("description", name);
        Map<String, Object> price = Json.object("price", priceId);
        price.put("active", false);
        price.put("billing_scheme", "per_unit");
        price.put("created", created);
        price.put("currency", currency);
        price.put("livemode", false);
        price.put("metadata", Map.of());
        price.put("product", productId);
        price.put("type", "one_time");
        price.put("unit_amount", unitAmount);
        price.put("unit_amount_decimal", Long.toString(unitAmount));
        json.put("price", price);
        json.put("quantity", quantity);
        return json;
    }

    static Map<String, Object> totalDetails() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("amount_discount", 0);
        json.put("amount_shipping", 0);
        json.put("amount_tax", 0);
        return json;
    }
}
