package io.urop.bench.menu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a realistic menu draft for {@code PUT /api/v1/menus/{menuId}/draft} (the shape of menu-service's
 * {@code MenuDraft}, checked by libs/menu-model's {@code MenuValidator}):
 * {@code java -cp bench/menu/target/test-classes io.urop.bench.menu.MenuDocument <file> [items]}.
 *
 * <p>15 categories with {@code items / 15} items each (300 by default), every name and description in English
 * with a German translation, allergens per category and ingredient, two sizes on the drinks, and one or two
 * modifier groups of 3 to 6 options on every third item: a required choice of side or milk, an optional garnish,
 * or optional extras with "no"/"extra" pre-modifiers (after a required side on every sixth item). The ids are
 * fixed, so two runs write the same document.
 */
public final class MenuDocument {

    /** A category: its names, what one of its items is called, its station and groups, allergens all its items have */
    private record Kind(String name, String german, String noun, String germanNoun, String station, String groups,
            Set<String> allergens) {
    }

    private static final List<Kind> CATEGORIES = List.of(
            new Kind("Starters", "Vorspeisen", "tartlet", "Törtchen", "kitchen", "sides", Set.of("CEREALS_CONTAINING_GLUTEN")),
            new Kind("Soups", "Suppen", "soup", "Suppe", "kitchen", "sides", Set.of("CELERY")),
            new Kind("Salads", "Salate", "salad", "Salat", "kitchen", "extras", Set.of("MUSTARD")),
            new Kind("Pasta", "Pasta", "tagliatelle", "Tagliatelle", "kitchen", "extras", Set.of("CEREALS_CONTAINING_GLUTEN", "EGGS")),
            new Kind("Pizza", "Pizza", "pizza", "Pizza", "oven", "extras", Set.of("CEREALS_CONTAINING_GLUTEN", "MILK")),
            new Kind("Burgers", "Burger", "burger", "Burger", "grill", "extras", Set.of("CEREALS_CONTAINING_GLUTEN", "SESAME")),
            new Kind("Grill", "Vom Grill", "skewer", "Spieß", "grill", "sides", Set.of()),
            new Kind("Fish", "Fisch", "fish fillet", "Fischfilet", "grill", "sides", Set.of("FISH")),
            new Kind("Vegetarian", "Vegetarisch", "curry", "Curry", "kitchen", "sides", Set.of()),
            new Kind("Sides", "Beilagen", "gratin", "Gratin", "kitchen", "extras", Set.of("MILK")),
            new Kind("Desserts", "Desserts", "tart", "Tarte", "pastry", "extras", Set.of("MILK", "EGGS")),
            new Kind("Hot drinks", "Heißgetränke", "tea", "Tee", "bar", "milk", Set.of()),
            new Kind("Soft drinks", "Alkoholfreie Getränke", "lemonade", "Limonade", "bar", "drinks", Set.of()),
            new Kind("Beer", "Bier", "ale", "Ale", "bar", "drinks", Set.of("CEREALS_CONTAINING_GLUTEN")),
            new Kind("Wine", "Wein", "spritzer", "Schorle", "bar", "drinks", Set.of("SULPHITES")));

    /** What an item is made with: English, German, an allergen it adds (or null); drinks have their own */
    private static final String[][] FOOD = {
            {"Tomato", "Tomate", null}, {"Mushroom", "Pilzen", null}, {"Chicken", "Hähnchen", null},
            {"Beef", "Rind", null}, {"Salmon", "Lachs", "FISH"}, {"Spinach", "Spinat", null},
            {"Pumpkin", "Kürbis", null}, {"Goat cheese", "Ziegenkäse", "MILK"}, {"Truffle", "Trüffel", null},
            {"Lemon", "Zitrone", null}, {"Garlic", "Knoblauch", null}, {"Chili", "Chili", null},
            {"Basil", "Basilikum", null}, {"Honey", "Honig", null}, {"Walnut", "Walnuss", "NUTS"},
            {"Potato", "Kartoffel", null}, {"Prawn", "Garnelen", "CRUSTACEANS"}, {"Aubergine", "Aubergine", null},
            {"Lamb", "Lamm", null}, {"Peanut", "Erdnuss", "PEANUTS"}};
    private static final String[][] DRINK = {
            {"Apple", "Apfel", null}, {"Elderflower", "Holunderblüte", null}, {"Ginger", "Ingwer", null},
            {"Lemon", "Zitrone", null}, {"Mango", "Mango", null}, {"Cherry", "Kirsche", null},
            {"Peach", "Pfirsich", null}, {"Mint", "Minze", null}, {"Raspberry", "Himbeere", null},
            {"Vanilla", "Vanille", null}, {"Orange", "Orange", null}, {"Blackcurrant", "Johannisbeere", null},
            {"Rhubarb", "Rhabarber", null}, {"Passion fruit", "Maracuja", null}, {"Lime", "Limette", null},
            {"Cinnamon", "Zimt", null}, {"Pear", "Birne", null}, {"Cranberry", "Cranberry", null},
            {"Honey", "Honig", null}, {"Grapefruit", "Grapefruit", null}};

    /** The options of each kind of group: English, German, price delta in cents */
    private static final String[][] SIDES = {{"Fries", "Pommes frites", "0"}, {"Side salad", "Beilagensalat", "0"},
            {"Rice", "Reis", "0"}, {"Mashed potatoes", "Kartoffelpüree", "50"}, {"Grilled vegetables", "Grillgemüse", "150"},
            {"Sourdough bread", "Sauerteigbrot", "100"}};
    private static final String[][] EXTRAS = {{"Extra cheese", "Extra Käse", "150"}, {"Bacon", "Speck", "200"},
            {"Fried egg", "Spiegelei", "150"}, {"Avocado", "Avocado", "250"}, {"Jalapeños", "Jalapeños", "100"},
            {"Roasted onions", "Röstzwiebeln", "80"}};
    private static final String[][] MILK = {{"Whole milk", "Vollmilch", "0"}, {"Oat milk", "Hafermilch", "50"},
            {"Soy milk", "Sojamilch", "50"}, {"No milk", "Ohne Milch", "0"}};
    private static final String[][] DRINKS = {{"Ice", "Eis", "0"}, {"Lemon slice", "Zitronenscheibe", "0"},
            {"Lime", "Limette", "0"}, {"Mint", "Minze", "30"}, {"Orange slice", "Orangenscheibe", "0"}};

    private final StringBuilder json = new StringBuilder(1 << 20);
    private long nextId;

    private MenuDocument() {
    }

    public static void main(String[] args) throws IOException {
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Files.writeString(Path.of(args[0]), new MenuDocument().menu(items), StandardCharsets.UTF_8);
    }

    private String menu(int items) {
        json.append("{\"currency\":\"EUR\",\"defaultLanguage\":\"en\",\"dayparts\":[],\"categories\":[");
        int perCategory = items / CATEGORIES.size();
        for (int c = 0; c < CATEGORIES.size(); c++) {
            Kind kind = CATEGORIES.get(c);
            comma(c);
            json.append("{\"id\":").append(id(1)).append(",\"name\":").append(text(kind.name(), kind.german()))
                    .append(",\"description\":null,\"daypartIds\":[],\"items\":[");
            int count = perCategory + (c < items % CATEGORIES.size() ? 1 : 0);
            for (int i = 0; i < count; i++) {
                comma(i);
                item(kind, c, i);
            }
            json.append("]}");
        }
        return json.append("]}\n").toString();
    }

    private void item(Kind kind, int category, int index) {
        boolean sized = kind.station().equals("bar");
        String[] ingredient = (sized ? DRINK : FOOD)[index % FOOD.length];
        String name = ingredient[0] + " " + kind.noun();
        String german = kind.germanNoun() + " mit " + ingredient[1];
        Set<String> allergens = new TreeSet<>(kind.allergens());
        if (ingredient[2] != null) {
            allergens.add(ingredient[2]);
        }
        List<String> tags = new ArrayList<>();
        if (!allergens.contains("CEREALS_CONTAINING_GLUTEN")) {
            tags.add("GLUTEN_FREE");
        }
        if (ingredient[0].equals("Chili")) {
            tags.add("SPICY");
        }
        boolean extras = index % 3 == 0 && kind.groups().equals("extras");
        json.append("{\"id\":").append(id(2)).append(",\"name\":").append(text(name, german))
                .append(",\"description\":").append(text(
                        "Our " + name.toLowerCase() + ", made fresh every day from seasonal produce.",
                        german + ", täglich frisch aus Zutaten der Saison zubereitet."))
                .append(",\"price\":").append(sized ? 0 : price(category, index))
                .append(",\"sizes\":[");
        if (sized) {
            long price = 250 + 40L * (index % 10);
            json.append("{\"id\":").append(id(3)).append(",\"name\":").append(text("Small", "Klein"))
                    .append(",\"price\":").append(price).append("},{\"id\":").append(id(3)).append(",\"name\":")
                    .append(text("Large", "Groß")).append(",\"price\":").append(price + 150).append('}');
        }
        json.append("],\"station\":\"").append(kind.station()).append("\",\"allergens\":").append(strings(allergens))
                .append(",\"dietaryTags\":").append(strings(tags))
                .append(",\"calories\":").append(sized ? "null" : Integer.toString(180 + 37 * index % 700))
                .append(",\"imageKey\":null,\"daypartIds\":[],\"preModifiersAllowed\":").append(extras)
                .append(",\"modifierGroups\":[");
        if (index % 3 == 0) {
            groups(kind, index);
        }
        json.append("]}");
    }

    /** One group (3 to 6 options); items with extras also get a required choice of side first. */
    private void groups(Kind kind, int index) {
        int options = 3 + index % 4;
        switch (kind.groups()) {
            case "sides" -> group("Choose your side", "Beilage wählen", SIDES, options, true, false);
            case "milk" -> group("Milk", "Milch", MILK, Math.min(options, MILK.length), true, false);
            case "drinks" -> group("Served with", "Serviert mit", DRINKS, Math.min(options, DRINKS.length), false, false);
            default -> {
                if (index % 2 == 0) {
                    group("Choose your side", "Beilage wählen", SIDES, 3, true, false);
                    json.append(',');
                }
                group("Extras", "Extras", EXTRAS, options, false, true);
            }
        }
    }

    /** A required single choice (the first option preselected), or optional picks of up to 3, each up to twice. */
    private void group(String name, String german, String[][] choices, int count, boolean required,
            boolean preModifiers) {
        json.append("{\"id\":").append(id(4)).append(",\"name\":").append(text(name, german))
                .append(",\"min\":").append(required ? 1 : 0).append(",\"max\":").append(required ? 1 : 3)
                .append(",\"mode\":\"").append(required ? "REQUIRED" : "OPTIONAL").append("\",\"maxFree\":0,\"options\":[");
        for (int i = 0; i < count; i++) {
            String[] choice = choices[i];
            comma(i);
            json.append("{\"id\":").append(id(5)).append(",\"name\":").append(text(choice[0], choice[1]))
                    .append(",\"priceDelta\":").append(choice[2]).append(",\"sizePriceDeltas\":{},\"isDefault\":")
                    .append(required && i == 0).append(",\"maxQuantity\":").append(required ? 1 : 2)
                    .append(",\"preModifiers\":")
                    .append(preModifiers ? "{\"NO\":0,\"EXTRA\":" + choice[2] + "}" : "{}")
                    .append(",\"modifierGroups\":[]}");
        }
        json.append("]}");
    }

    private static long price(int category, int index) {
        return 450 + (category * 370L + index * 130L) % 2500 / 10 * 10;
    }

    /** Ids that differ in their first group by what they name (1 category ... 5 option): unique in the menu. */
    private String id(int type) {
        return String.format("\"%08x-0000-7000-8000-%012x\"", type, ++nextId);
    }

    private static String text(String english, String german) {
        return "{\"text\":" + string(english) + ",\"translations\":{\"de\":" + string(german) + "}}";
    }

    private static String strings(Iterable<String> values) {
        StringBuilder list = new StringBuilder("[");
        for (String value : values) {
            list.append(list.length() > 1 ? "," : "").append(string(value));
        }
        return list.append(']').toString();
    }

    private static String string(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void comma(int index) {
        if (index > 0) {
            json.append(',');
        }
    }
}
