package io.urop.gateway.security;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Requests that reached the management server ({@code management.server.port}), which serves only actuator's probes
 * and metrics, to the cluster (kubelet, Prometheus) and never through the ingress. The port is the one the server
 * got, learned when it starts (a random one in tests).
 */
@Component
class ManagementPortRequests implements ServerWebExchangeMatcher, ApplicationListener<WebServerInitializedEvent> {

    private static final String MANAGEMENT_NAMESPACE = "management";

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (MANAGEMENT_NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        return local != null && local.getPort() == port ? MatchResult.match() : MatchResult.notMatch();
    }
}
