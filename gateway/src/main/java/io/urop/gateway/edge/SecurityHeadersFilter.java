package io.urop.gateway.edge;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The security headers of every answer (routed, refused, problem or not), set just before the headers
 * leave so a service's or an error handler's answer gets them too. The gateway owns them: a service's
 * own copy is replaced, except {@code Cache-Control}, which a service may set (otherwise
 * {@code no-store}). HSTS is sent although TLS ends at the ingress in front of the gateway: browsers
 * only see the HTTPS side. The browser apps' pages may load their own scripts, styles and pictures and call the API
 * and the socket of their own origin, and the dishes' pictures from where they are stored ({@link AppsProperties}),
 * nothing else; the Swagger UI pages get the looser CSP they need to run.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    static final String SWAGGER_UI_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "frame-ancestors 'none'";

    private static final List<PathPattern> SWAGGER_UI = patterns("/swagger-ui.html", "/swagger-ui/**", "/webjars/**");

    /** {@code /table/**} matches {@code /table} too. */
    private static final List<PathPattern> APPS = patterns("/table/**", "/kitchen/**", "/admin/**");

    private final String appCsp;

    SecurityHeadersFilter(AppsProperties apps) {
        String images = Stream.concat(Stream.of("'self'", "data:", "blob:"), apps.imageOrigins().stream())
                .collect(Collectors.joining(" "));
        this.appCsp = "default-src 'self'; img-src " + images + "; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        boolean swaggerUi = matches(SWAGGER_UI, path);
        String csp = swaggerUi ? SWAGGER_UI_CSP : matches(APPS, path) ? appCsp : API_CSP;
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            HttpHeaders headers = response.getHeaders();
            headers.set("Strict-Transport-Security", HSTS);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", csp);
            if (!swaggerUi && !headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                headers.setCacheControl("no-store");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static List<PathPattern> patterns(String... paths) {
        return List.of(paths).stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    private static boolean matches(List<PathPattern> patterns, PathContainer path) {
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
