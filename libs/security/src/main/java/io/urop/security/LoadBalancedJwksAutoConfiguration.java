package io.urop.security;

import java.io.IOException;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.context.annotation.Bean;

/**
 * Lets {@code urop.security.jwks-uri} be {@code lb://auth-service/.well-known/jwks.json}: the JWKS is
 * fetched from an instance Spring Cloud LoadBalancer chooses (from Eureka in the fleet), so services
 * find auth-service wherever it runs. Without Spring Cloud LoadBalancer only http(s) URIs work.
 */
@AutoConfiguration(before = UropSecurityAutoConfiguration.class,
        afterName = "org.springframework.cloud.loadbalancer.config.BlockingLoadBalancerClientAutoConfiguration")
@ConditionalOnClass(LoadBalancerClient.class)
public class LoadBalancedJwksAutoConfiguration {

    @Bean
    @ConditionalOnBean(LoadBalancerClient.class)
    @ConditionalOnMissingBean
    InstanceResolver loadBalancedInstanceResolver(LoadBalancerClient loadBalancer) {
        return serviceId -> {
            ServiceInstance instance = loadBalancer.choose(serviceId);
            if (instance == null) {
                throw new IOException("no instance of " + serviceId + " is registered");
            }
            return instance.getUri();
        };
    }
}
