package io.urop.gateway.edge;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.web.server.util.matcher.IpAddressServerWebExchangeMatcher;

/**
 * Who may read the gateway's own actuator endpoints besides the health probes
 * ({@code urop.gateway.management.*}).
 *
 * @param allowedNetworks addresses or CIDR ranges of the monitoring (Prometheus scraping the pod), by
 *                        default loopback and the private ranges; the caller's address is the one
 *                        resolved through the trusted proxies, so a request through the ingress never
 *                        counts as local
 */
@ConfigurationProperties("urop.gateway.management")
public record ManagementProperties(
        @DefaultValue({"127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"})
        List<String> allowedNetworks) {

    public ManagementProperties {
        allowedNetworks = List.copyOf(allowedNetworks);
        allowedNetworks.forEach(IpAddressServerWebExchangeMatcher::new);
    }
}
