package io.urop.tenant.auth;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tenant-service reaches auth-service ({@code urop.tenant.auth.*}).
 *
 * @param url          auth-service; {@code http://auth-service} is resolved through the load balancer (Eureka)
 * @param clientId     tenant-service's client id at auth-service
 * @param clientSecret its secret, from the environment
 * @param timeout      connect and read timeout of one call
 */
@ConfigurationProperties("urop.tenant.auth")
public record AuthServiceProperties(
        @DefaultValue("http://auth-service") URI url,
        @DefaultValue("tenant-service") String clientId,
        String clientSecret,
        @DefaultValue("5s") Duration timeout) {

    @Override
    public String toString() {
        return "AuthServiceProperties[url=" + url + ", clientId=" + clientId + "]";
    }
}
