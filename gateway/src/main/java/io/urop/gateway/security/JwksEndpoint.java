package io.urop.gateway.security;

import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.JWKSet;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Fetches auth-service's JWKS without blocking. An {@code lb://auth-service/...} URI goes through
 * Spring Cloud LoadBalancer (the same registry the routes use); an {@code http(s)://} URI is fetched
 * as given (tests, or an auth-service outside the registry).
 */
final class JwksEndpoint implements Supplier<Mono<JWKSet>> {

    private final WebClient client;

    private final URI uri;

    private final Duration timeout;

    private JwksEndpoint(WebClient client, URI uri, Duration timeout) {
        this.client = client;
        this.uri = uri;
        this.timeout = timeout;
    }

    static JwksEndpoint of(URI jwksUri, Duration timeout, Supplier<LoadBalancedExchangeFilterFunction> loadBalancer) {
        if (!"lb".equals(jwksUri.getScheme())) {
            return new JwksEndpoint(WebClient.create(), jwksUri, timeout);
        }
        // the load balancer takes the host as the service id and puts an instance's address in its place
        URI serviceUri = UriComponentsBuilder.fromUri(jwksUri).scheme("http").build(true).toUri();
        WebClient client = WebClient.builder().filter(loadBalancer.get()).build();
        return new JwksEndpoint(client, serviceUri, timeout);
    }

    @Override
    public Mono<JWKSet> get() {
        return client.get().uri(uri).accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .timeout(timeout)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("empty JWKS from " + uri)))
                .flatMap(JwksEndpoint::parse);
    }

    private static Mono<JWKSet> parse(String json) {
        try {
            return Mono.just(JWKSet.parse(json));
        }
        catch (ParseException e) {
            return Mono.error(new IllegalStateException("not a JWKS: " + e.getMessage(), e));
        }
    }
}
