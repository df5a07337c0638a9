package io.urop.e2e;

/** Requests people send through the gateway. */
final class Journeys {

    static final String PASSWORD = "a password long enough";

    private Journeys() {
    }

    static String signup(String slug, String ownerEmail) {
        return """
                {"organisation": {"name": "Restaurant %1$s", "slug": "%1$s"},
                 "location": {"name": "%1$s centre",
                              "address": {"line1": "3 Market Square", "postalCode": "1010", "city": "Vienna",
                                          "country": "AT"},
                              "currency": "EUR", "timeZone": "Europe/Vienna", "taxRateBasisPoints": 1000,
                              "pricesIncludeTax": true, "serviceChargeBasisPoints": 0, "paymentMode": "PAY_AT_THE_END"},
                 "owner": {"name": "Owner of %1$s", "email": "%2$s", "password": "%3$s"}}""".formatted(slug, ownerEmail,
                PASSWORD);
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
