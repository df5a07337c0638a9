package io.urop.gateway.clientaddress;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the client's address comes from ({@code urop.gateway.client-address.*}).
 *
 * @param trustedProxies the proxies in front of the gateway (the ingress, a load balancer) whose
 *                       {@code X-Forwarded-For} entries are believed, as IP addresses or CIDR blocks
 *                       ({@code 10.0.12.0/24}, {@code fd00::/8}); none by default, so the client is the TCP peer.
 *                       Each of them must append the address it received the request from.
 */
@ConfigurationProperties("urop.gateway.client-address")
public record ClientAddressProperties(@DefaultValue List<String> trustedProxies) {

    public ClientAddressProperties {
        trustedProxies = trustedProxies.stream().filter(proxy -> proxy != null && !proxy.isBlank()).map(String::trim)
                .toList();
        trustedProxies.forEach(proxy -> {
            try {
                AddressBlock.parse(proxy);
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("urop.gateway.client-address.trusted-proxies (UROP_TRUSTED_PROXIES): "
                        + e.getMessage() + "; give IP addresses or CIDR blocks, separated by commas", e);
            }
        });
    }
}
