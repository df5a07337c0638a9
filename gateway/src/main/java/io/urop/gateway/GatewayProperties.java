package io.urop.gateway;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything the gateway routes and how it protects each call, in one place ({@code urop.gateway.*}).
 *
 * @param services       service id (as registered in Eureka) to the public path patterns it serves;
 *                       each service gets a route to {@code lb://<service-id>}, a route for its OpenAPI
 *                       document at {@code /v3/api-docs/<service-id>} and an entry in the Swagger UI
 * @param timeout        time limit of one call, until the service's response headers arrive
 *                       (per breaker overridable with {@code resilience4j.timelimiter.instances.<id>.timeout-duration})
 * @param retryAfter     the {@code Retry-After} a 503 answer advises
 * @param connectRetries how many other instances to try when a connection could not be established
 *                       (the request never reached the service, so this is safe for any method); 0 = none
 * @param circuitBreaker the breaker every service gets (one per service, another one for its docs)
 * @param bulkhead       concurrent calls allowed per service before the gateway answers 503 at once
 * @param maxRequestSize the largest request body the gateway passes on; a larger one is answered 413
 * @param uploads        paths that take larger bodies than that (pictures), each with its own limit
 * @param websocket      where WebSocket upgrades go, on a route of their own
 */
@ConfigurationProperties("urop.gateway")
public record GatewayProperties(
        Map<String, List<String>> services,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("2") int connectRetries,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue Bulkhead bulkhead,
        @DefaultValue("1MB") DataSize maxRequestSize,
        List<Upload> uploads,
        WebSocket websocket) {

    private static final Pattern SERVICE_ID = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    public GatewayProperties {
        Map<String, List<String>> checked = new LinkedHashMap<>();
        (services == null ? Map.<String, List<String>>of() : services).forEach((id, paths) -> {
            if (!SERVICE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("urop.gateway.services: '" + id
                        + "' is not a service id (lower-case letters, digits and '-')");
            }
            if (paths == null || paths.isEmpty() || paths.stream().anyMatch(p -> p == null || !p.startsWith("/"))) {
                throw new IllegalArgumentException("urop.gateway.services." + id
                        + ": give at least one path pattern, each starting with '/'");
            }
            checked.put(id, List.copyOf(paths));
        });
        services = Collections.unmodifiableMap(checked);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("urop.gateway.timeout must be positive");
        }
        if (connectRetries < 0) {
            throw new IllegalArgumentException("urop.gateway.connect-retries must be >= 0");
        }
        if (maxRequestSize.toBytes() <= 0) {
            throw new IllegalArgumentException("urop.gateway.max-request-size must be positive");
        }
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
    }

    /**
     * The WebSocket upgrades at {@code path} go to {@code service} (none when not set), without the time limit,
     * bulkhead and breaker of the service's calls.
     */
    public record WebSocket(String path, String service) {

        public WebSocket {
            if (path == null || !path.startsWith("/") || service == null || !SERVICE_ID.matcher(service).matches()) {
                throw new IllegalArgumentException("urop.gateway.websocket: give a path starting with '/' and a "
                        + "service id");
            }
        }
    }

    /** Paths (PathPattern syntax) whose request bodies may be up to {@code maxSize}. */
    public record Upload(List<String> paths, DataSize maxSize) {

        public Upload {
            if (paths == null || paths.isEmpty() || maxSize == null || maxSize.toBytes() <= 0) {
                throw new IllegalArgumentException("urop.gateway.uploads: give paths and a positive max-size");
            }
            paths = List.copyOf(paths);
        }
    }

    /**
     * @param failureRateThreshold          percentage of failed calls that opens the breaker
     * @param minimumNumberOfCalls          calls in the window before the rate is judged
     * @param slidingWindow                 the (time-based) window the rate is computed over
     * @param waitInOpenState               how long the breaker stays open before letting trial calls through
     * @param permittedCallsInHalfOpenState trial calls that decide between closing and opening again
     */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("10s") Duration slidingWindow,
            @DefaultValue("5s") Duration waitInOpenState,
            @DefaultValue("5") int permittedCallsInHalfOpenState) {
    }

    /**
     * @param maxConcurrentCalls calls in flight to one service; sized for load, not as a trip wire
     * @param maxWait            how long a call may wait for a free slot before it is refused
     */
    public record Bulkhead(
            @DefaultValue("500") int maxConcurrentCalls,
            @DefaultValue("0ms") Duration maxWait) {
    }
}
