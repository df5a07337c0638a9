package io.urop.gateway.routing;

import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayObservationConvention;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The observation of each call the gateway makes to a service (its span, which carries the trace to the service, and
 * its timer) is named {@value #NAME}. Spring Cloud Gateway names it {@code http.client.requests}, as the gateway's own
 * HTTP clients name theirs, with other tag keys: Prometheus refused the gateway's timer (a warning, then a refusal on
 * every proxied request), so the time each service took, as the gateway saw it, was never exported.
 */
@Configuration(proxyBeanMethods = false)
class ServiceCallObservations {

    static final String NAME = "gateway.service.calls";

    @Bean
    GatewayObservationConvention serviceCallObservationConvention() {
        return new DefaultGatewayObservationConvention() {
            @Override
            public String getName() {
                return NAME;
            }
        };
    }
}
