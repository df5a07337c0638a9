package io.urop.bench.orders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the menu the benchmark's diners order from, as a draft for {@code PUT /api/v1/menus/{menuId}/draft} (the
 * shape of menu-service's {@code MenuDraft}, checked by libs/menu-model's {@code MenuValidator}):
 * {@code java -cp bench/orders/target/test-classes io.urop.bench.orders.OrderMenu <file>}.
 *
 * <p>A brasserie's menu of 54 items in 9 categories, made at five stations ({@code kitchen}, {@code grill},
 * {@code oven}, {@code pastry}, {@code bar}), with what makes pricing an order line work: sizes on the drinks (with
 * options priced per size), required single choices (cooking, side, pasta, dressing, milk) with a default,
 * optional multiple picks taken up to twice, free picks ({@code maxFree}), "no / light / extra / on the side"
 * pre-modifiers on the burgers, pizzas and salads, a group nested under an option (the dips of the burgers' fries)
 * and options made at another station (a milkshake with a burger: also at the bar). The ids are fixed, so two runs
 * write the same document.
 */
public final class OrderMenu {

    /** The station whose open tickets the kitchen query reads: most food is made there. */
    public static final String KITCHEN = "kitchen";

    /** A category: its name, station, minutes a portion takes there, what groups its items have, its dishes */
    private record Kind(String name, String station, int prepMinutes, String groups, List<String> allergens,
            Map<String, Long> dishes) {
    }

    private static final List<Kind> CATEGORIES = List.of(
            new Kind("Starters", KITCHEN, 8, "starter", List.of("CEREALS_CONTAINING_GLUTEN"), dishes(
                    "Tomato bruschetta", 750, "Soup of the day", 650, "Burrata", 1150, "Fried calamari", 1050,
                    "Beef carpaccio", 1250, "Chicken wings", 950)),
            new Kind("Salads", KITCHEN, 6, "salad", List.of("MUSTARD"), dishes(
                    "Caesar salad", 1250, "Greek salad", 1150, "Nicoise salad", 1350, "Quinoa bowl", 1250,
                    "Caprese salad", 1100, "Garden salad", 950)),
            new Kind("Pasta", KITCHEN, 10, "pasta", List.of("CEREALS_CONTAINING_GLUTEN", "EGGS"), dishes(
                    "Carbonara", 1450, "Bolognese", 1400, "Pesto", 1300, "Arrabbiata", 1200, "Cacio e pepe", 1350,
                    "Seafood pasta", 1750)),
            new Kind("Pizza", "oven", 10, "pizza", List.of("CEREALS_CONTAINING_GLUTEN", "MILK"), dishes(
                    "Margherita", 1100, "Diavola", 1350, "Funghi", 1250, "Quattro formaggi", 1450, "Prosciutto", 1450,
                    "Vegetariana", 1300)),
            new Kind("Burgers", "grill", 12, "burger", List.of("CEREALS_CONTAINING_GLUTEN", "SESAME"), dishes(
                    "Classic burger", 1450, "Cheeseburger", 1550, "Bacon burger", 1650, "Chicken burger", 1450,
                    "Veggie burger", 1350, "Smash burger", 1550)),
            new Kind("Grill", "grill", 15, "grill", List.of(), dishes(
                    "Sirloin steak", 2650, "Ribeye", 3250, "Lamb chops", 2850, "Pork chop", 2150,
                    "Grilled salmon", 2350, "Half chicken", 1950)),
            new Kind("Desserts", "pastry", 5, "dessert", List.of("MILK", "EGGS"), dishes(
                    "Tiramisu", 750, "Chocolate fondant", 850, "Creme brulee", 750, "Cheesecake", 750,
                    "Apple crumble", 700, "Panna cotta", 700)),
            new Kind("Soft drinks", "bar", 1, "drink", List.of(), dishes(
                    "Lemonade", 350, "Iced tea", 350, "Cola", 300, "Orange juice", 400, "Sparkling water", 250,
                    "Ginger beer", 400)),
            new Kind("Hot drinks", "bar", 3, "coffee", List.of("MILK"), dishes(
                    "Cappuccino", 350, "Latte", 380, "Flat white", 380, "Hot chocolate", 400, "Chai latte", 420,
                    "Mocha", 420)));

    private final StringBuilder json = new StringBuilder(1 << 16);
    private long nextId;
    /** The ids of the current item's sizes: small (or regular), large */
    private String[] sizes;

    private OrderMenu() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), new OrderMenu().menu(), StandardCharsets.UTF_8);
    }

    private String menu() {
        json.append("{\"currency\":\"EUR\",\"defaultLanguage\":\"en\",\"dayparts\":[],\"categories\":[");
        for (int c = 0; c < CATEGORIES.size(); c++) {
            Kind kind = CATEGORIES.get(c);
            comma(c);
            json.append("{\"id\":").append(id(1)).append(",\"name\":").append(text(kind.name()))
                    .append(",\"description\":null,\"daypartIds\":[],\"items\":[");
            int i = 0;
            for (Map.Entry<String, Long> dish : kind.dishes().entrySet()) {
                comma(i);
                item(kind, dish.getKey(), dish.getValue(), i++);
            }
            json.append("]}");
        }
        return json.append("]}\n").toString();
    }

    private void item(Kind kind, String name, long price, int index) {
        boolean sized = kind.groups().equals("drink") || kind.groups().equals("coffee");
        boolean preModifiers = List.of("burger", "pizza", "salad").contains(kind.groups());
        json.append("{\"id\":").append(id(2)).append(",\"name\":").append(text(name))
                .append(",\"description\":").append(text("Our " + name.toLowerCase() + ", made to order."))
                .append(",\"price\":").append(sized ? 0 : price).append(",\"sizes\":[");
        sizes = null;
        if (sized) {
            sizes = new String[] {id(3), id(3)};
            json.append("{\"id\":").append(sizes[0]).append(",\"name\":")
                    .append(text(kind.groups().equals("drink") ? "Small" : "Regular")).append(",\"price\":")
                    .append(price).append("},{\"id\":").append(sizes[1]).append(",\"name\":").append(text("Large"))
                    .append(",\"price\":").append(price + 150).append('}');
        }
        json.append("],\"station\":").append(Json.quote(kind.station())).append(",\"prepMinutes\":")
                .append(kind.prepMinutes()).append(",\"allergens\":").append(strings(kind.allergens()))
                .append(",\"dietaryTags\":[],\"calories\":null,\"imageKey\":null,\"daypartIds\":[]")
                .append(",\"preModifiersAllowed\":").append(preModifiers).append(",\"modifierGroups\":[");
        groups(kind.groups(), index);
        json.append("]}");
    }

    private void groups(String kind, int index) {
        switch (kind) {
            case "starter" -> {
                if (index % 2 == 0) {
                    group("Bread", 0, 1, 0, () -> {
                        option("Sourdough", 150, false, 1, null, null);
                        option("Focaccia", 200, false, 1, null, null);
                    });
                }
            }
            case "salad" -> {
                group("Dressing", 1, 1, 0, () -> {
                    option("Vinaigrette", 0, true, 1, "{\"ON_THE_SIDE\":0}", null);
                    option("Caesar dressing", 0, false, 1, "{\"ON_THE_SIDE\":0}", null);
                    option("Yoghurt dressing", 0, false, 1, "{\"ON_THE_SIDE\":0}", null);
                });
                json.append(',');
                group("Add protein", 0, 1, 0, () -> {
                    option("Grilled chicken", 400, false, 1, null, null);
                    option("Prawns", 550, false, 1, null, null);
                    option("Halloumi", 350, false, 1, null, null);
                });
            }
            case "pasta" -> {
                group("Pasta", 1, 1, 0, () -> {
                    option("Spaghetti", 0, true, 1, null, null);
                    option("Penne", 0, false, 1, null, null);
                    option("Gluten-free penne", 150, false, 1, null, null);
                });
                json.append(',');
                group("Extras", 0, 2, 0, () -> {
                    option("Parmesan", 100, false, 1, null, null);
                    option("Chili flakes", 0, false, 1, null, null);
                    option("Burrata", 350, false, 1, null, null);
                });
            }
            case "pizza" -> group("Toppings", 0, 4, 0, () -> {
                option("Mozzarella", 150, false, 2, "{\"NO\":0,\"LIGHT\":0,\"EXTRA\":150}", null);
                option("Mushrooms", 120, false, 2, "{\"NO\":0,\"EXTRA\":120}", null);
                option("Ham", 200, false, 2, null, null);
                option("Olives", 100, false, 2, "{\"NO\":0}", null);
                option("Rocket", 80, false, 1, null, null);
                option("Chili oil", 0, false, 1, "{\"ON_THE_SIDE\":0}", null);
            });
            case "burger" -> {
                cooking();
                json.append(',');
                group("Side", 1, 1, 0, () -> {
                    option("Fries", 0, true, 1, null, () -> group("Dip", 0, 2, 1, () -> {
                        option("Ketchup", 50, false, 1, null, null);
                        option("Mayonnaise", 50, false, 1, null, null);
                        option("Aioli", 80, false, 1, null, null);
                    }));
                    option("Sweet potato fries", 100, false, 1, null, null);
                    option("Side salad", 0, false, 1, null, null);
                });
                json.append(',');
                group("Toppings", 0, 4, 0, () -> {
                    option("Lettuce", 0, false, 1, "{\"NO\":0,\"EXTRA\":0}", null);
                    option("Tomato", 0, false, 1, "{\"NO\":0,\"EXTRA\":30}", null);
                    option("Onions", 0, false, 1, "{\"NO\":0,\"EXTRA\":30,\"ON_THE_SIDE\":0}", null);
                    option("Pickles", 0, false, 1, "{\"NO\":0,\"EXTRA\":30}", null);
                });
                json.append(',');
                group("Add-ons", 0, 3, 0, () -> {
                    option("Bacon", 200, false, 2, null, null);
                    option("Extra cheese", 150, false, 2, null, null);
                    option("Fried egg", 150, false, 1, null, null);
                    option("Avocado", 250, false, 1, null, null);
                });
                json.append(',');
                group("Make it a meal", 0, 1, 0, () -> {
                    optionAt("Milkshake", 350, "bar");
                    optionAt("Soft drink", 250, "bar");
                });
            }
            case "grill" -> {
                cooking();
                json.append(',');
                group("Side", 1, 1, 0, () -> {
                    option("Fries", 0, true, 1, null, null);
                    option("Mashed potatoes", 50, false, 1, null, null);
                    option("Grilled vegetables", 150, false, 1, null, null);
                });
                json.append(',');
                group("Sauce", 0, 2, 1, () -> {
                    option("Pepper sauce", 250, false, 1, null, null);
                    option("Bearnaise", 250, false, 1, null, null);
                    option("Chimichurri", 250, false, 1, null, null);
                });
            }
            case "dessert" -> group("Scoops", 0, 2, 0, () -> {
                option("Vanilla ice cream", 250, false, 2, null, null);
                option("Chocolate ice cream", 250, false, 2, null, null);
                option("Whipped cream", 100, false, 1, null, null);
            });
            case "drink" -> group("Served with", 0, 2, 0, () -> {
                option("Ice", 0, false, 1, null, null);
                option("Lemon slice", 0, false, 1, null, null);
                sizedOption("Mint", 30, 50);
            });
            case "coffee" -> {
                group("Milk", 1, 1, 0, () -> {
                    option("Whole milk", 0, true, 1, null, null);
                    sizedOption("Oat milk", 50, 70);
                    option("No milk", 0, false, 1, null, null);
                });
                json.append(',');
                group("Extra shot", 0, 1, 0, () -> sizedOption("Extra shot", 60, 80));
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    private void cooking() {
        group("Cooking", 1, 1, 0, () -> {
            option("Medium rare", 0, false, 1, null, null);
            option("Medium", 0, true, 1, null, null);
            option("Well done", 0, false, 1, null, null);
        });
    }

    /** {@code options} appends the group's options; the commas between them come from {@link #option}. */
    private void group(String name, int min, int max, int maxFree, Runnable options) {
        json.append("{\"id\":").append(id(4)).append(",\"name\":").append(text(name)).append(",\"min\":").append(min)
                .append(",\"max\":").append(max).append(",\"mode\":\"").append(min > 0 ? "REQUIRED" : "OPTIONAL")
                .append("\",\"maxFree\":").append(maxFree).append(",\"options\":[");
        options.run();
        json.append("]}");
    }

    private void option(String name, long delta, boolean isDefault, int maxQuantity, String preModifiers,
            Runnable nestedGroups) {
        option(name, delta, "{}", isDefault, maxQuantity, preModifiers, null, nestedGroups);
    }

    /** Also made at another station. */
    private void optionAt(String name, long delta, String station) {
        option(name, delta, "{}", false, 1, null, station, null);
    }

    /** Another price with the large size. */
    private void sizedOption(String name, long delta, long largeDelta) {
        option(name, delta, "{" + sizes[1] + ":" + largeDelta + "}", false, 1, null, null, null);
    }

    private void option(String name, long delta, String sizeDeltas, boolean isDefault, int maxQuantity,
            String preModifiers, String station, Runnable nestedGroups) {
        if (json.charAt(json.length() - 1) != '[') {
            json.append(',');
        }
        json.append("{\"id\":").append(id(5)).append(",\"name\":").append(text(name)).append(",\"priceDelta\":")
                .append(delta).append(",\"sizePriceDeltas\":").append(sizeDeltas).append(",\"isDefault\":")
                .append(isDefault).append(",\"maxQuantity\":").append(maxQuantity).append(",\"preModifiers\":")
                .append(preModifiers == null ? "{}" : preModifiers).append(",\"station\":").append(Json.quote(station))
                .append(",\"modifierGroups\":[");
        if (nestedGroups != null) {
            nestedGroups.run();
        }
        json.append("]}");
    }

    private static Map<String, Long> dishes(Object... nameAndPrice) {
        Map<String, Long> dishes = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameAndPrice.length; i += 2) {
            dishes.put((String) nameAndPrice[i], ((Number) nameAndPrice[i + 1]).longValue());
        }
        return dishes;
    }

    /** Ids that differ in their first group by what they name (1 category ... 5 option): unique in the menu. */
    private String id(int type) {
        return String.format("\"%08x-0000-7000-8000-%012x\"", 0xb0 + type, ++nextId);
    }

    private static String text(String english) {
        return "{\"text\":" + Json.quote(english) + ",\"translations\":{}}";
    }

    private static String strings(List<String> values) {
        StringBuilder list = new StringBuilder("[");
        for (String value : values) {
            list.append(list.length() > 1 ? "," : "").append(Json.quote(value));
        }
        return list.append(']').toString();
    }

    private void comma(int index) {
        if (index > 0) {
            json.append(',');
        }
    }
}
