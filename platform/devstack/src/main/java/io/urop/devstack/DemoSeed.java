package io.urop.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the demo restaurant through the gateway, as a restaurant group would: it signs up (an owner who can sign
 * in), its owner publishes the demo menu ({@code demo-menu.json}) at its location and sets up its dining room
 * ({@link DemoTables}). Run again against a database that persists, it keeps what is there and adds what is missing
 * of the dining room.
 */
final class DemoSeed {

    static final String SLUG = "demo-bistro";
    static final String OWNER_EMAIL = "owner@demo-bistro.example";
    /** A demo's password, printed for whoever runs the devstack; no real tenant ever has it. */
    static final String OWNER_PASSWORD = "demo-bistro-owner";

    /** menu-service and qr-service learn of a new location from tenant-service's event, a moment after the sign-up. */
    static final Duration LOCATION_KNOWN_WITHIN = Duration.ofSeconds(60);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DemoSeed() {
    }

    /**
     * What was seeded.
     *
     * @param lines   what to print about it
     * @param scanUrl what the code of one demo table opens (a diner's scan), or null if the tables could not be set up
     */
    record Seeded(String lines, URI scanUrl) {
    }

    /**
     * A demo tenant that already exists (a database that persists) is fine. The demo restaurant sets no opening hours,
     * so that its table codes seat a diner whenever devstack runs (outside a location's hours a scan opens nothing).
     */
    static Seeded seed(URI gateway) {
        HttpResponse<String> signup = send(gateway, "POST", "/api/v1/signup", null, """
                {"organisation": {"name": "Demo Bistro", "slug": "%s"},
                 "location": {"name": "Demo Bistro Opéra",
                              "address": {"line1": "1 place de l'Opéra", "postalCode": "75009", "city": "Paris",
                                          "country": "FR"},
                              "currency": "EUR", "timeZone": "Europe/Paris", "taxRateBasisPoints": 1000,
                              "pricesIncludeTax": true, "serviceChargeBasisPoints": 0, "paymentMode": "EITHER",
                              "openingHours": []},
                 "owner": {"name": "Demo Owner", "email": "%s", "password": "%s"}}""".formatted(SLUG, OWNER_EMAIL,
                OWNER_PASSWORD));
        String owner = "its owner signs in as " + OWNER_EMAIL + " / " + OWNER_PASSWORD;
        StringBuilder lines = new StringBuilder();
        String token;
        String locationId;
        switch (signup.statusCode()) {
            case 201 -> {
                lines.append("Demo tenant '" + SLUG + "' created; " + owner);
                token = signIn(gateway);
                locationId = json(signup.body()).path("locationId").asString();
                lines.append("\n  ").append(publishMenu(gateway, token, locationId));
            }
            case 409 -> {
                lines.append("Demo tenant '" + SLUG + "' already exists; " + owner);
                token = signIn(gateway);
                locationId = firstLocation(gateway, token);
            }
            default -> throw new IllegalStateException("Seeding the demo tenant failed: " + signup.statusCode() + " "
                    + signup.body());
        }
        // the fleet stays useful without tables: say what went wrong instead of stopping it
        URI scanUrl = null;
        try {
            DemoTables.DiningRoom room = DemoTables.setUp(gateway, token, locationId);
            scanUrl = room.scanUrl();
            lines.append("\n  ").append(room.describe());
        }
        catch (IllegalStateException e) {
            lines.append("\n  The demo dining room could not be set up: ").append(e.getMessage());
        }
        return new Seeded(lines.toString(), scanUrl);
    }

    private static String signIn(URI gateway) {
        HttpResponse<String> login = send(gateway, "POST", "/api/v1/auth/login", null,
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(OWNER_EMAIL, OWNER_PASSWORD));
        return text(json(expect(login, 200, "signing in as the demo owner")), "accessToken");
    }

    /** The demo tenant's first location: the one it signed up with. */
    private static String firstLocation(URI gateway, String token) {
        String tenantId = text(claims(token), "tid");
        JsonNode locations = json(expect(send(gateway, "GET", "/api/v1/tenants/" + tenantId + "/locations", token, null),
                200, "listing the demo tenant's locations"));
        return text(locations.path("items").path(0), "id");
    }

    private static String publishMenu(URI gateway, String token, String locationId) {
        String newMenu = "{\"name\": \"La carte\", \"currency\": \"EUR\", \"defaultLanguage\": \"fr\", \"locationIds\": [\"%s\"]}"
                .formatted(locationId);
        HttpResponse<String> created = untilLocationKnown(() -> send(gateway, "POST", "/api/v1/menus", token, newMenu));
        String menuId = text(json(expect(created, 201, "creating the demo menu")), "id");
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

    /** Sends the request again while it answers 404: the service has not yet heard of the new location. */
    static HttpResponse<String> untilLocationKnown(Supplier<HttpResponse<String>> request) {
        long deadline = System.nanoTime() + LOCATION_KNOWN_WITHIN.toNanos();
        HttpResponse<String> response = request.get();
        while (response.statusCode() == 404 && System.nanoTime() < deadline) {
            pause();
            response = request.get();
        }
        return response;
    }

    /** A request to the gateway; {@code token} and {@code json} may be null for none. */
    static HttpResponse<String> send(URI gateway, String method, String path, String token, String json) {
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

    static String expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Seeding failed " + what + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        }
        catch (JacksonException e) {
            throw new IllegalStateException("Not JSON: " + text, e);
        }
    }

    /** A string field that must be there. */
    static String text(JsonNode node, String name) {
        String value = node.path(name).stringValue("");
        if (value.isEmpty()) {
            throw new IllegalStateException("No " + name + " in " + node);
        }
        return value;
    }

    /** The claims of an access token the gateway just gave us (read, not verified: it came from the fleet itself). */
    private static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new IllegalStateException("The demo owner's access token is not a JWT");
        }
        return json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
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
