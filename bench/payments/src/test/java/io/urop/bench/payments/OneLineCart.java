package io.urop.bench.payments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The cart every diner of the benchmark orders: one line, quantity 1, of the first item of the location's public menu
 * that asks for no choice (every modifier group optional) and has no sizes, else the first such item in its first
 * size; no choices, no note, {@code "payNow": null} (the location takes payment as diners order). One line, so that
 * each order is one kitchen ticket, fired once it is paid.
 *
 * <p>{@code java -cp <test classpath> io.urop.bench.payments.OneLineCart <menu.json> <out>} writes the body of
 * {@code POST /api/v1/orders}, and prints the item's name.
 */
public final class OneLineCart {

    private OneLineCart() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode menu = json.readTree(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        JsonNode chosen = null;
        for (JsonNode category : menu.path("categories")) {
            for (JsonNode item : category.path("items")) {
                if (!item.path("available").asBoolean(true) || !noChoiceNeeded(item)) {
                    continue;
                }
                if (item.path("sizes").isEmpty()) {
                    chosen = item;
                    break;
                }
                if (chosen == null) {
                    chosen = item;
                }
            }
            if (chosen != null && chosen.path("sizes").isEmpty()) {
                break;
            }
        }
        if (chosen == null) {
            throw new IllegalArgumentException("No item of the menu can be ordered without a choice");
        }
        ObjectNode line = json.createObjectNode();
        line.put("itemId", chosen.path("id").asText());
        JsonNode sizes = chosen.path("sizes");
        if (sizes.isEmpty()) {
            line.putNull("sizeId");
        }
        else {
            line.put("sizeId", sizes.get(0).path("id").asText());
        }
        line.put("quantity", 1);
        line.putArray("choices");
        line.putNull("note");
        line.put("course", 1);
        ObjectNode cart = json.createObjectNode();
        ArrayNode lines = cart.putArray("lines");
        lines.add(line);
        cart.putNull("note");
        cart.putNull("payNow");
        Files.writeString(Path.of(args[1]), json.writeValueAsString(cart), StandardCharsets.UTF_8);
        System.out.println(chosen.path("name").isTextual() ? chosen.path("name").asText() : chosen.path("id").asText());
    }

    private static boolean noChoiceNeeded(JsonNode item) {
        for (JsonNode group : item.path("modifierGroups")) {
            if (group.path("min").asInt(0) > 0) {
                return false;
            }
        }
        return true;
    }
}
