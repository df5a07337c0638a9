package io.urop.gateway.clientaddress;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The client's address is resolved here alone. Spring Cloud Gateway's own {@code trusted-proxies} must stay unset:
 * it makes Reactor Netty replace the TCP peer with the left-most {@code X-Forwarded-For} entry, the one a client
 * writes, before any filter of ours could see the real peer.
 */
@Configuration(proxyBeanMethods = false)
class ClientAddressConfiguration {

    static final String SPRING_CLOUD_TRUSTED_PROXIES = "spring.cloud.gateway.server.webflux.trusted-proxies";

    @Bean
    ClientAddressResolver clientAddressResolver(ClientAddressProperties properties, Environment environment) {
        if (StringUtils.hasText(environment.getProperty(SPRING_CLOUD_TRUSTED_PROXIES))) {
            throw new IllegalStateException(SPRING_CLOUD_TRUSTED_PROXIES + " must not be set: the gateway's trusted "
                    + "proxies are urop.gateway.client-address.trusted-proxies (UROP_TRUSTED_PROXIES)");
        }
        return new ClientAddressResolver(TrustedProxies.of(properties.trustedProxies()));
    }
}
