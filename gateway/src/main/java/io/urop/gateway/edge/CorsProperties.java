package io.urop.gateway.edge;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which browser origins may call the API cross-origin ({@code urop.gateway.cors.*}).
 *
 * @param allowedOrigins exact origins ({@code https://app.example.com}); none by default, so no
 *                       cross-origin browser access at all. No wildcards.
 */
@ConfigurationProperties("urop.gateway.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedOrigins.forEach(CorsProperties::checkOrigin);
    }

    private static void checkOrigin(String origin) {
        URI uri;
        try {
            uri = URI.create(origin);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("urop.gateway.cors.allowed-origins: '" + origin + "' is not an origin", e);
        }
        boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!web || uri.getHost() == null || !bare || origin.contains("*")) {
            throw new IllegalArgumentException("urop.gateway.cors.allowed-origins: '" + origin
                    + "' is not an exact origin like https://app.example.com");
        }
    }
}
