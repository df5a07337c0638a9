package io.urop.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds the demo restaurant through the gateway, as a restaurant group would: it signs up (an owner who can sign
 * in), and its owner publishes the demo menu ({@code demo-menu.json}) at its location.
 */
final class DemoSeed {

    static final String SLUG = "demo-bistro";
    static final String OWNER_EMAIL = "owner@demo-bistro.example";
    /** A demo's password, printed for whoever runs the devstack; no real tenant ever has it. */
    static final String OWNER_PASSWORD = "demo-bistro-owner";

    /** menu-service learns of a new location from tenant-service's event, a moment after the sign-up. */
    private static final Duration LOCATION_KNOWN_WITHIN = Duration.ofSeconds(60);

    private DemoSeed() {
    }

    /** Returns lines saying what was seeded; a demo tenant that already exists (external database) is fine. */
    static String seed(URI gateway) {
        HttpResponse<String> signup = send(gateway, "POST", "/api/v1/signup", null, """
                {"organisation": {"name": "Demo Bistro", "slug": "%s"},
                 "location": {"name": "Demo Bistro Opéra",
                              "address": {"line1": "1 place de l'Opéra", "postalCode": "75009", "city": "Paris",
                                          "country": "FR"},
                              "currency": "EUR", "timeZone": "Europe/Paris", "taxRateBasisPoints": 1000,
                              "pricesIncludeTax": true, "serviceChargeBasisPoints": 0, "paymentMode": "EITHER",
                              "openingHours": [{"day": "FRIDAY", "opens": "12:00", "closes": "23:30"},
                                               {"day": "SATURDAY", "opens": "12:00", "closes": "23:30"}]},
                 "owner": {"name": "Demo Owner", "email": "%s", "password": "%s"}}""".formatted(SLUG, OWNER_EMAIL,
                OWNER_PASSWORD));
        String owner = "its owner signs in as " + OWNER_EMAIL + " / " + OWNER_PASSWORD;
        return switch (signup.statusCode()) {
            case 201 -> "Demo tenant '" + SLUG + "' created; " + owner + "\n  "
                    + publishMenu(gateway, field(signup.body(), "locationId"));
            case 409 -> "Demo tenant '" + SLUG + "' already exists; " + owner;
            default -> throw new IllegalStateException("Seeding the demo tenant failed: " + signup.statusCode() + " "
                    + signup.body());
        };
    }

    private static String publishMenu(URI gateway, String locationId) {
        HttpResponse<String> login = send(gateway, "POST", "/api/v1/auth/login", null,
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(OWNER_EMAIL, OWNER_PASSWORD));
        String token = field(expect(login, 200, "signing in as the demo owner"), "accessToken");
        String newMenu = "{\"name\": \"La carte\", \"currency\": \"EUR\", \"defaultLanguage\": \"fr\", \"locationIds\": [\"%s\"]}"
                .formatted(locationId);
        long deadline = System.nanoTime() + LOCATION_KNOWN_WITHIN.toNanos();
        HttpResponse<String> created = send(gateway, "POST", "/api/v1/menus", token, newMenu);
        while (created.statusCode() == 404 && System.nanoTime() < deadline) {
            pause();
            created = send(gateway, "POST", "/api/v1/menus", token, newMenu);
        }
        String menuId = field(expect(created, 201, "creating the demo menu"), "id");
        expect(send(gateway, "PUT", "/api/v1/menus/" + menuId + "/draft", token, demoMenu()), 200, "saving the demo menu");
        expect(send(gateway, "POST", "/api/v1/menus/" + menuId + "/versions", token, null), 201, "publishing the demo menu");
        return "Demo menu published: " + gateway.resolve("/api/v1/public/locations/" + locationId + "/menu");
    }

    static String demoMenu() {
        try (InputStream in = DemoSeed.class.getResourceAsStream("/demo-menu.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(URI gateway, String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(15))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return FleetProcess.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new IllegalStateException("Seeding the demo tenant failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding", e);
        }
    }

    private static String expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Seeding failed " + what + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** A string field of a flat JSON answer (sign-up, login, a created menu). */
    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return matcher.group(1);
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding", e);
        }
    }
}
