package io.urop.e2e;

/** Requests people send through the gateway. */
final class Journeys {

    static final String PASSWORD = "a password long enough";

    private Journeys() {
    }

    static String signup(String slug, String ownerEmail) {
        return signup(slug, ownerEmail, "PUBLIC");
    }

    /** @param menuAccess who reads the location's menu: PUBLIC, or TABLE_GUESTS (diners who scanned a table's code) */
    static String signup(String slug, String ownerEmail, String menuAccess) {
        return signup(slug, ownerEmail, menuAccess, "PAY_AT_THE_END");
    }

    /**
     * @param paymentMode PAY_AT_THE_END (on the table's tab), PAY_WHEN_ORDERING (each order paid first) or EITHER (the
     *        diner chooses)
     */
    static String signup(String slug, String ownerEmail, String menuAccess, String paymentMode) {
        return """
                {"organisation": {"name": "Restaurant %1$s", "slug": "%1$s"},
                 "location": {"name": "%1$s centre",
                              "address": {"line1": "3 Market Square", "postalCode": "1010", "city": "Vienna",
                                          "country": "AT"},
                              "currency": "EUR", "timeZone": "Europe/Vienna", "taxRateBasisPoints": 1000,
                              "pricesIncludeTax": true, "serviceChargeBasisPoints": 0, "paymentMode": "%5$s",
                              "menuAccess": "%4$s"},
                 "owner": {"name": "Owner of %1$s", "email": "%2$s", "password": "%3$s"}}""".formatted(slug, ownerEmail,
                PASSWORD, menuAccess, paymentMode);
    }

    static String newMenu(String locationId) {
        return newMenu(locationId, "de");
    }

    static String newMenu(String locationId, String language) {
        return """
                {"name": "Speisekarte", "currency": "EUR", "defaultLanguage": "%s", "locationIds": ["%s"]}"""
                .formatted(language, locationId);
    }

    /** The demo bistro's menu (French, with English translations): dishes with sizes, choices and nested choices. */
    static String bistroMenuDraft() {
        try (var menu = Journeys.class.getResourceAsStream("/demo-menu.json")) {
            return new String(menu.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("devstack's demo-menu.json is not on the class path", e);
        }
    }

    /** A menu of one dish. */
    static String menuDraft() {
        return """
                {"currency": "EUR", "defaultLanguage": "de",
                 "categories": [{"id": "0190b000-0000-7000-8000-000000000c01", "name": {"text": "Hauptspeisen"},
                                 "items": [{"id": "0190b000-0000-7000-8000-000000000101",
                                            "name": {"text": "Wiener Schnitzel"}, "price": 1890,
                                            "station": "kitchen"}]}]}""";
    }

    /** Dishes of {@link #bistroMenuDraft()} that take no choices. */
    static final String RISOTTO = "0190a000-0000-7000-8000-000000000203";

    static final String CREME_BRULEE = "0190a000-0000-7000-8000-000000000301";

    static final String CHOCOLATE_MOUSSE = "0190a000-0000-7000-8000-000000000302";

    /** One of a dish, on the table's tab (where the location lets the diner choose): it goes to the kitchen at once. */
    static String tabOrder(String itemId) {
        return """
                {"lines": [{"itemId": "%s", "quantity": 1}], "payNow": false}""".formatted(itemId);
    }

    /** A starter and a dessert served after it (course 2), on the table's tab. */
    static String twoCourseTabOrder(String starter, String dessert) {
        return """
                {"lines": [{"itemId": "%s", "quantity": 1, "course": 1}, {"itemId": "%s", "quantity": 1, "course": 2}],
                 "payNow": false}""".formatted(starter, dessert);
    }

    /** Schnitzels of {@link #menuDraft()}, as a diner's phone orders them. */
    static String order(int schnitzels) {
        return """
                {"lines": [{"itemId": "0190b000-0000-7000-8000-000000000101", "quantity": %d}]}""".formatted(schnitzels);
    }

    static String area(String locationId, String name) {
        return """
                {"locationId": "%s", "name": "%s"}""".formatted(locationId, name);
    }

    static String table(String locationId, String areaId, String name) {
        return """
                {"locationId": "%s", "areaId": "%s", "name": "%s", "seats": 4}""".formatted(locationId, areaId, name);
    }

    static String login(String email) {
        return """
                {"email": "%s", "password": "%s"}""".formatted(email, PASSWORD);
    }

    static String invitation(String email, String role, String locationId) {
        return """
                {"email": "%s", "role": "%s", "locationIds": ["%s"]}""".formatted(email, role, locationId);
    }

    static String acceptance(String name) {
        return """
                {"name": "%s", "password": "%s"}""".formatted(name, PASSWORD);
    }
}
