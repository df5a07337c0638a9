package io.urop.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Signs the demo restaurant up through the gateway, as a restaurant group would, with an owner who can sign in. */
final class DemoSeed {

    static final String SLUG = "demo-bistro";
    static final String OWNER_EMAIL = "owner@demo-bistro.example";
    /** A demo's password, printed for whoever runs the devstack; no real tenant ever has it. */
    static final String OWNER_PASSWORD = "demo-bistro-owner";

    private DemoSeed() {
    }

    /** Returns a line saying what was seeded; a demo tenant that already exists (external database) is fine. */
    static String seed(URI gateway) {
        String body = """
                {"organisation": {"name": "Demo Bistro", "slug": "%s"},
                 "location": {"name": "Demo Bistro Opéra",
                              "address": {"line1": "1 place de l'Opéra", "postalCode": "75009", "city": "Paris",
                                          "country": "FR"},
                              "currency": "EUR", "timeZone": "Europe/Paris", "taxRateBasisPoints": 1000,
                              "pricesIncludeTax": true, "serviceChargeBasisPoints": 0, "paymentMode": "EITHER",
                              "openingHours": [{"day": "FRIDAY", "opens": "12:00", "closes": "23:30"},
                                               {"day": "SATURDAY", "opens": "12:00", "closes": "23:30"}]},
                 "owner": {"name": "Demo Owner", "email": "%s", "password": "%s"}}""".formatted(SLUG, OWNER_EMAIL,
                OWNER_PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/signup"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = FleetProcess.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return switch (response.statusCode()) {
                case 201 -> "Demo tenant '" + SLUG + "' created; its owner signs in as " + OWNER_EMAIL + " / "
                        + OWNER_PASSWORD;
                case 409 -> "Demo tenant '" + SLUG + "' already exists; its owner signs in as " + OWNER_EMAIL + " / "
                        + OWNER_PASSWORD;
                default -> throw new IllegalStateException("Seeding the demo tenant failed: " + response.statusCode()
                        + " " + response.body());
            };
        }
        catch (IOException e) {
            throw new IllegalStateException("Seeding the demo tenant failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding", e);
        }
    }
}
