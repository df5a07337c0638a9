package io.urop.bench.orders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Mixed carts, the bodies of {@code POST /api/v1/orders}, built from a location's published menu as diners see it
 * ({@code GET /api/v1/public/locations/{locationId}/menu}) the way the customer app builds them: 1 to 6 lines of
 * items picked at random among those available, each with a size where the item has sizes, a quantity (mostly 1),
 * between {@code min} and {@code max} picks in every group (an option sometimes twice where it may be, nested groups
 * under a chosen option answered too), now and then a pre-modifier ("extra onions", "dressing on the side") or a
 * removal ("no pickles") where the item allows them, and now and then a note for the kitchen. No prices: order-service
 * prices each line itself. Diners at a location that is paid at the end send {@code "payNow": null}.
 *
 * <p>Thread-safe ({@link #next()} is synchronized): Gatling's feeder calls it from its threads.
 *
 * <p>{@code java -cp bench/orders/target/test-classes io.urop.bench.orders.Carts <menu.json> <count> <out>
 * [<draft.json> <station>]} writes {@code count} carts, one JSON body a line; with the menu's draft and a station,
 * each cart's first line is an item made at that station (the draft says where each item is made; the public menu
 * does not).
 */
public final class Carts {

    private static final String[] NOTES = {"No salt please", "Allergic to nuts", "Sauce on the side",
            "For the child", "Well warmed"};

    /** An item as the cart builder needs it. */
    private record Item(String id, boolean preModifiersAllowed, List<String> sizes, List<Object> groups) {
    }

    private final List<Item> items = new ArrayList<>();
    private final Random random;

    public Carts(String publicMenuJson, long seed) {
        this.random = new Random(seed);
        for (Object category : Json.array(Json.object(Json.parse(publicMenuJson)).get("categories"))) {
            for (Object item : Json.array(Json.object(category).get("items"))) {
                Map<String, Object> fields = Json.object(item);
                if (!Json.bool(fields.get("available"), true)) {
                    continue;
                }
                List<String> sizes = Json.array(fields.get("sizes")).stream()
                        .map(size -> Json.string(Json.object(size).get("id"))).toList();
                items.add(new Item(Json.string(fields.get("id")), Json.bool(fields.get("preModifiersAllowed"), false),
                        sizes, Json.array(fields.get("modifierGroups"))));
            }
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("The menu has no item available to order");
        }
    }

    public static Carts of(Path publicMenu, long seed) throws IOException {
        return new Carts(Files.readString(publicMenu, StandardCharsets.UTF_8), seed);
    }

    public int items() {
        return items.size();
    }

    /** A cart of 1 to 6 lines, as the JSON body of {@code POST /api/v1/orders}. */
    public synchronized String next() {
        return cart(null);
    }

    /** A cart whose first line is one of {@code first} (item ids), the others any item. */
    synchronized String cart(List<String> first) {
        int lines = 1 + random.nextInt(6);
        StringBuilder body = new StringBuilder(256 * lines).append("{\"lines\":[");
        for (int i = 0; i < lines; i++) {
            if (i > 0) {
                body.append(',');
            }
            Item item;
            if (i == 0 && first != null) {
                String id = first.get(random.nextInt(first.size()));
                item = items.stream().filter(candidate -> candidate.id().equals(id)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("No item " + id + " on the menu"));
            }
            else {
                item = items.get(random.nextInt(items.size()));
            }
            line(body, item);
        }
        return body.append("],\"note\":null,\"payNow\":null}").toString();
    }

    private void line(StringBuilder body, Item item) {
        String size = item.sizes().isEmpty() ? null : item.sizes().get(random.nextInt(item.sizes().size()));
        int roll = random.nextInt(10);
        int quantity = roll < 7 ? 1 : roll < 9 ? 2 : 3;
        body.append("{\"itemId\":").append(Json.quote(item.id())).append(",\"sizeId\":").append(Json.quote(size))
                .append(",\"quantity\":").append(quantity).append(",\"choices\":");
        choices(body, item.groups(), item.preModifiersAllowed());
        body.append(",\"note\":").append(random.nextInt(10) == 0 ? Json.quote(NOTES[random.nextInt(NOTES.length)]) : "null")
                .append(",\"course\":1}");
    }

    /** Every group answered: between min and max picks (an optional one left out about half the time). */
    private void choices(StringBuilder body, List<Object> groups, boolean preModifiersAllowed) {
        body.append('[');
        boolean first = true;
        for (Object g : groups) {
            Map<String, Object> group = Json.object(g);
            int min = Json.integer(group.get("min"), 0);
            int max = Json.integer(group.get("max"), 1);
            int picks = min > 0 ? min + random.nextInt(Math.min(max, min + 1) - min + 1)
                    : random.nextBoolean() ? 0 : 1 + random.nextInt(Math.min(max, 2));
            List<Map<String, Object>> options = new ArrayList<>();
            for (Object option : Json.array(group.get("options"))) {
                if (Json.bool(Json.object(option).get("available"), true)) {
                    options.add(Json.object(option));
                }
            }
            Collections.shuffle(options, random);
            String groupId = Json.string(group.get("id"));
            for (Map<String, Object> option : options) {
                List<String> preModifiers = new ArrayList<>();
                if (preModifiersAllowed) {
                    preModifiers.addAll(Json.object(option.get("preModifiers")).keySet());
                }
                if (picks == 0) {
                    // an option of the dish left out ("no pickles"): not a pick, so any group may have it
                    if (preModifiers.contains("NO") && random.nextInt(6) == 0) {
                        first = comma(body, first);
                        choice(body, groupId, Json.string(option.get("id")), 1, "NO");
                    }
                    continue;
                }
                int maxQuantity = Json.integer(option.get("maxQuantity"), 1);
                int quantity = maxQuantity > 1 && picks > 1 && random.nextInt(4) == 0 ? 2 : 1;
                preModifiers.remove("NO");
                String preModifier = !preModifiers.isEmpty() && random.nextInt(3) == 0
                        ? preModifiers.get(random.nextInt(preModifiers.size())) : null;
                first = comma(body, first);
                choice(body, groupId, Json.string(option.get("id")), quantity, preModifier);
                body.setLength(body.length() - 3); // reopen "choices":[] for the nested groups
                choices(body, Json.array(option.get("modifierGroups")), preModifiersAllowed);
                body.append('}');
                picks -= quantity;
            }
            if (picks > 0) {
                throw new IllegalStateException("Group " + groupId + " cannot be answered from its available options");
            }
        }
        body.append(']');
    }

    private static void choice(StringBuilder body, String groupId, String optionId, int quantity, String preModifier) {
        body.append("{\"groupId\":").append(Json.quote(groupId)).append(",\"optionId\":").append(Json.quote(optionId))
                .append(",\"quantity\":").append(quantity).append(",\"preModifier\":").append(Json.quote(preModifier))
                .append(",\"choices\":[]}");
    }

    private static boolean comma(StringBuilder body, boolean first) {
        if (!first) {
            body.append(',');
        }
        return false;
    }

    /** Item id to the station it is made at, from the menu's draft (what run.sh published). */
    static Map<String, String> stations(Path draft) throws IOException {
        Map<String, String> stations = new HashMap<>();
        for (Object category : Json.array(Json.object(Json.parse(Files.readString(draft))).get("categories"))) {
            for (Object item : Json.array(Json.object(category).get("items"))) {
                Map<String, Object> fields = Json.object(item);
                stations.put(Json.string(fields.get("id")), Json.string(fields.get("station")));
            }
        }
        return stations;
    }

    public static void main(String[] args) throws IOException {
        Carts carts = of(Path.of(args[0]), 42);
        int count = Integer.parseInt(args[1]);
        List<String> first = null;
        if (args.length > 4) {
            Map<String, String> stations = stations(Path.of(args[3]));
            first = carts.items.stream().map(Item::id).filter(id -> args[4].equals(stations.get(id))).toList();
            if (first.isEmpty()) {
                throw new IllegalArgumentException("No item of the menu is made at station " + args[4]);
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(carts.cart(first)).append('\n');
        }
        Files.writeString(Path.of(args[2]), out.toString(), StandardCharsets.UTF_8);
    }
}
