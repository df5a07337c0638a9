package io.urop.e2e;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a scan sent the phone: the customer app's table page ({@code Location} of the 303), its query naming the
 * location, table, table session and guest, and its fragment (which a browser never sends on) the diner's token.
 */
record DinerLanding(URI page, Map<String, String> query, Map<String, String> fragment) {

    static DinerLanding of(Gateway.Reply scan) {
        String location = scan.header("Location");
        if (location == null) {
            throw new AssertionError("No Location in " + scan);
        }
        URI page = URI.create(location);
        return new DinerLanding(page, parameters(page.getRawQuery()), parameters(page.getRawFragment()));
    }

    /** The page without its query and fragment: where the customer app is. */
    String app() {
        return page.getScheme() + "://" + page.getRawAuthority() + page.getRawPath();
    }

    String session() {
        return query.get("session");
    }

    String guest() {
        return query.get("guest");
    }

    String token() {
        return fragment.get("token");
    }

    private static Map<String, String> parameters(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
