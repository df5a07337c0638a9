package io.urop.gateway.edge;

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
        allowedOrigins.forEach(origin -> Origins.requireExact("urop.gateway.cors.allowed-origins", origin));
    }
}
