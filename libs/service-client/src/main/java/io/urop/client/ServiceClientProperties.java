package io.urop.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this service reaches one other service: {@code urop.clients.<service>}, e.g.
 * {@code urop.clients.auth-service.timeout: 2s}.
 *
 * @param url            the service's id as discovery knows it; {@code http://<service>} when not given. Its host is
 *                       resolved by Spring Cloud LoadBalancer (Eureka in the fleet) at each call, so it names a service,
 *                       never a host
 * @param connectTimeout how long opening a connection may take before the instance counts as not answering
 * @param timeout        how long the answer may take once the request is sent (someone is waiting for it)
 */
public record ServiceClientProperties(
        URI url,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("5s") Duration timeout) {
}
