package io.urop.gateway.edge;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the browser apps' pages may load from elsewhere ({@code urop.gateway.apps.*}).
 *
 * @param imageOrigins exact origins the dishes' pictures are served from (the S3 endpoint that presigns them, or the
 *                     CDN of menu-service's {@code public-base-url}); none by default, so pictures only from the
 *                     gateway's own origin. No wildcards.
 */
@ConfigurationProperties("urop.gateway.apps")
public record AppsProperties(@DefaultValue List<String> imageOrigins) {

    public AppsProperties {
        imageOrigins = List.copyOf(imageOrigins);
        imageOrigins.forEach(origin -> Origins.requireExact("urop.gateway.apps.image-origins", origin));
    }
}
