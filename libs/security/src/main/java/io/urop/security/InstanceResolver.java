package io.urop.security;

import java.io.IOException;
import java.net.URI;

/**
 * Finds a running instance of a service by the id it is registered under in discovery, so that an
 * {@code lb://auth-service/...} JWKS URI reaches auth-service wherever it runs. With Spring Cloud
 * LoadBalancer on the classpath, {@link LoadBalancedJwksAutoConfiguration} provides one.
 */
@FunctionalInterface
public interface InstanceResolver {

    /**
     * @return the base URI (scheme, host, port) of one instance, chosen afresh at each call
     * @throws IOException if no instance can be had now (the JWKS fetch then fails like an unreachable URL)
     */
    URI choose(String serviceId) throws IOException;
}
