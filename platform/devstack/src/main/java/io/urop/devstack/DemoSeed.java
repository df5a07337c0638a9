package io.urop.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Creates the demo tenant through the gateway, as a restaurant signing up would. */
final class DemoSeed {

    static final String SLUG = "demo-bistro";

    private DemoSeed() {
    }

    /** Returns a line saying what was seeded; a demo tenant that already exists (external database) is fine. */
    static String seed(URI gateway) {
        String body = """
                {"name": "Demo Bistro", "slug": "%s", "currency": "EUR", "timeZone": "Europe/Paris"}""".formatted(SLUG);
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/tenants"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = FleetProcess.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return switch (response.statusCode()) {
                case 201 -> "Demo tenant '" + SLUG + "' created: " + response.headers().firstValue("Location").orElse("");
                case 409 -> "Demo tenant '" + SLUG + "' already exists";
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
