package io.urop.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway's one CORS policy, applied by the security chains before any token check: only the
 * configured origins, the API's methods and headers, no credentials (tokens travel in a header, never
 * in cookies). A cross-origin request from any other origin, preflight or not, is refused with 403.
 */
@Configuration(proxyBeanMethods = false)
class CorsPolicy {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** If-Match and If-None-Match: browser apps use ETags for optimistic locking and cached reads. */
    static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, "Idempotency-Key", "X-Request-Id");

    static final List<String> EXPOSED_HEADERS = List.of(HttpHeaders.RETRY_AFTER, "X-Request-Id", HttpHeaders.ETAG,
            HttpHeaders.LOCATION);

    static final Duration MAX_AGE = Duration.ofHours(1);

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration policy = new CorsConfiguration();
        policy.setAllowedOrigins(properties.allowedOrigins());
        policy.setAllowedMethods(METHODS);
        policy.setAllowedHeaders(REQUEST_HEADERS);
        policy.setExposedHeaders(EXPOSED_HEADERS);
        policy.setAllowCredentials(false);
        policy.setMaxAge(MAX_AGE);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", policy);
        return source;
    }
}
