package io.urop.gateway.routing;

import java.net.ConnectException;
import java.time.Duration;

import io.urop.gateway.GatewayProperties;
import io.urop.gateway.apidocs.ServiceApiDocs;
import io.urop.gateway.resilience.ServiceCircuitBreakers;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * The gateway's routes, all from {@code urop.gateway.services}: for each service one route for its
 * public paths and one for its OpenAPI document ({@code /v3/api-docs/<id>} to the service's
 * {@code /v3/api-docs}), both to {@code lb://<service-id>}, each with its own circuit breaker so that
 * doc readers never open the API's breaker. WebSocket upgrades ({@code urop.gateway.websocket}) have a route of their
 * own, without time limit, retry or breaker: a socket lives for hours.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    /** Outermost: the breaker and its time limit also cover the retries. */
    private static final int BREAKER_ORDER = 1;

    private static final int CONNECT_RETRY_ORDER = 2;

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, GatewayProperties properties,
            ServiceCircuitBreakers breakers, RetryGatewayFilterFactory retries) {
        GatewayFilter connectRetry = properties.connectRetries() > 0
                ? connectRetry(retries, properties.connectRetries()) : null;
        RouteLocatorBuilder.Builder routes = builder.routes();
        properties.services().forEach((serviceId, paths) -> {
            String uri = "lb://" + serviceId;
            routes.route(serviceId, route -> route
                    .path(paths.toArray(String[]::new))
                    .filters(filters -> guarded(filters, breakers.filter(serviceId, serviceId), connectRetry))
                    .uri(uri));
            String docsId = serviceId + "-api-docs";
            routes.route(docsId, route -> route
                    .path(ServiceApiDocs.pathOf(serviceId))
                    .filters(filters -> guarded(filters.setPath(ServiceApiDocs.SERVICE_DOCS_PATH),
                            breakers.filter(serviceId, docsId), connectRetry))
                    .uri(uri));
        });
        GatewayProperties.WebSocket websocket = properties.websocket();
        if (websocket != null) {
            routes.route(websocket.service() + "-websocket", route -> route
                    .order(-1)
                    .path(websocket.path())
                    .and().header(HttpHeaders.UPGRADE, "(?i)websocket")
                    .uri("lb:ws://" + websocket.service()));
        }
        return routes.build();
    }

    private static GatewayFilterSpec guarded(GatewayFilterSpec filters, GatewayFilter breaker,
            GatewayFilter connectRetry) {
        filters.filter(breaker, BREAKER_ORDER);
        if (connectRetry != null) {
            filters.filter(connectRetry, CONNECT_RETRY_ORDER);
        }
        return filters;
    }

    /**
     * Retries on another instance only when no connection could be made (refused, unreachable,
     * connect timeout): the request never reached the service, so this is safe for any method and
     * needs no body buffering (the body was never read). Anything else (a reset, a 5xx) is not retried.
     */
    private static GatewayFilter connectRetry(RetryGatewayFilterFactory retries, int attempts) {
        RetryConfig config = new RetryConfig()
                .setRetries(attempts)
                .setMethods(HttpMethod.values())
                .setSeries()
                .setStatuses()
                .setExceptions(ConnectException.class)
                .setBackoff(Duration.ofMillis(20), Duration.ofMillis(200), 2, false);
        // no route id on purpose: the retry factory would otherwise cache every request body in memory
        return retries.apply(config);
    }
}
