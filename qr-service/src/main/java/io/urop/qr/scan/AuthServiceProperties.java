package io.urop.qr.scan;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How qr-service reaches auth-service for diners' tokens ({@code urop.qr.auth.*}).
 *
 * @param url          auth-service; {@code http://auth-service} is resolved through the load balancer (Eureka)
 * @param clientId     qr-service's client id at auth-service
 * @param clientSecret its secret, from the environment
 * @param timeout      connect and read timeout of one call (a diner is waiting at the table)
 */
@ConfigurationProperties("urop.qr.auth")
public record AuthServiceProperties(
        @DefaultValue("http://auth-service") URI url,
        @DefaultValue("qr-service") String clientId,
        String clientSecret,
        @DefaultValue("2s") Duration timeout) {

    @Override
    public String toString() {
        return "AuthServiceProperties[url=" + url + ", clientId=" + clientId + "]";
    }
}
