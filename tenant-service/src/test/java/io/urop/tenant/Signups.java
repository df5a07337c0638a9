package io.urop.tenant;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sign-up requests as a restaurant group would send them. */
public final class Signups {

    private Signups() {
    }

    public static Map<String, Object> location(String name) {
        return Map.of(
                "name", name,
                "address", Map.of("line1", "12 rue de la Paix", "postalCode", "75002", "city", "Paris", "country", "FR"),
                "currency", "EUR",
                "timeZone", "Europe/Paris",
                "taxRateBasisPoints", 1000,
                "pricesIncludeTax", true,
                "serviceChargeBasisPoints", 0,
                "paymentMode", "PAY_AT_THE_END",
                "openingHours", List.of(Map.of("day", "FRIDAY", "opens", "18:00", "closes", "01:00")));
    }

    public static Map<String, Object> signup(String slug, String email) {
        return Map.of(
                "organisation", Map.of("name", "Bistro " + slug, "slug", slug),
                "location", location("Bistro " + slug + " Opéra"),
                "owner", Map.of("name", "Camille Martin", "email", email, "password", "a long enough password"));
    }

    public static String slug() {
        return "bistro-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
