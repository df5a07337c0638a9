package io.urop.gateway.edge;

import java.net.URI;

/** Origins named in the gateway's settings: exact ones only ({@code https://app.example.com}), never a wildcard. */
final class Origins {

    static void requireExact(String property, String origin) {
        URI uri;
        try {
            uri = URI.create(origin);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + ": '" + origin + "' is not an origin", e);
        }
        boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!web || uri.getHost() == null || !bare || origin.contains("*")) {
            throw new IllegalArgumentException(property + ": '" + origin
                    + "' is not an exact origin like https://app.example.com");
        }
    }

    private Origins() {
    }
}
