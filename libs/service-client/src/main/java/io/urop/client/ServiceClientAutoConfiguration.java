package io.urop.client;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** {@link ServiceClients} for a service that calls others: its callers make their clients from it. */
@AutoConfiguration(afterName = "org.springframework.cloud.loadbalancer.config.BlockingLoadBalancerClientAutoConfiguration")
public class ServiceClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceClients serviceClients(LoadBalancerClient loadBalancer, Environment environment, ObjectProvider<Clock> clock) {
        return new ServiceClients(loadBalancer, Binder.get(environment),
                environment.getRequiredProperty("spring.application.name"), clock.getIfAvailable(Clock::systemUTC));
    }
}
