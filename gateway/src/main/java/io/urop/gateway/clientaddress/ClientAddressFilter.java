package io.urop.gateway.clientaddress;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static io.urop.gateway.clientaddress.ForwardedRequest.FORWARDED_FOR;
import static io.urop.gateway.clientaddress.ForwardedRequest.FORWARDED_HOST;
import static io.urop.gateway.clientaddress.ForwardedRequest.FORWARDED_PORT;
import static io.urop.gateway.clientaddress.ForwardedRequest.FORWARDED_PROTO;

/**
 * Resolves the client's address once per request ({@link ClientAddress}) and the request as the client made it
 * ({@link ForwardedRequest}), so that a service learns only what the gateway determined: the call to the service
 * ({@code edge.DownstreamRequestHeaders}) drops every {@code Forwarded}, {@code X-Forwarded-*} and
 * {@code X-Real-IP} the request came with, then {@code X-Forwarded-For} names the client alone and
 * {@code X-Forwarded-Proto}, {@code -Host} and {@code -Port} the request as the client made it (as the nearest
 * trusted proxy saw it, or as the gateway did). The services resolve their links and their client address from
 * these ({@code server.forward-headers-strategy: framework}), so what they record is what the gateway decided.
 * Spring Cloud Gateway's own forwarding-header filters are off ({@code application.yml}): they would pass a
 * client's {@code X-Forwarded-Prefix} or {@code Forwarded} on.
 */
@Component
class ClientAddressFilter implements WebFilter, Ordered {

    private static final Set<String> PROTOCOLS = Set.of("http", "https");
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}])(:\\d{1,5})?");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private final ClientAddressResolver resolver;

    ClientAddressFilter(ClientAddressResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 4;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders received = request.getHeaders();
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        boolean viaTrustedProxy = peer != null && resolver.isTrustedProxy(peer);
        InetAddress client = peer == null ? null : resolver.resolve(peer, valuesOf(received, FORWARDED_FOR));
        if (client != null) {
            exchange.getAttributes().put(ClientAddress.ATTRIBUTE, client);
        }
        URI uri = request.getURI();
        String protocol = viaTrustedProxy ? nearest(received, FORWARDED_PROTO, PROTOCOLS::contains, uri.getScheme())
                : uri.getScheme();
        String host = viaTrustedProxy ? nearest(received, FORWARDED_HOST, HOST.asMatchPredicate(), hostOf(uri))
                : hostOf(uri);
        String port = viaTrustedProxy ? nearest(received, FORWARDED_PORT, PORT.asMatchPredicate(), portOf(uri))
                : portOf(uri);
        exchange.getAttributes().put(ForwardedRequest.ATTRIBUTE, new ForwardedRequest(client, protocol, host, port));
        return chain.filter(exchange);
    }

    private static List<String> valuesOf(HttpHeaders headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? List.of() : values;
    }

    /** The right-most value, the one the nearest proxy wrote, when it is well-formed. */
    private static String nearest(HttpHeaders headers, String name, Predicate<String> wellFormed,
            String otherwise) {
        List<String> values = valuesOf(headers, name);
        if (values.isEmpty()) {
            return otherwise;
        }
        String last = values.get(values.size() - 1);
        String nearest = last.substring(last.lastIndexOf(',') + 1).trim();
        return wellFormed.test(nearest) ? nearest : otherwise;
    }

    private static String hostOf(URI uri) {
        if (uri.getHost() == null) {
            return null;
        }
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static String portOf(URI uri) {
        if (uri.getPort() >= 0) {
            return Integer.toString(uri.getPort());
        }
        return "https".equals(uri.getScheme()) ? "443" : "80";
    }
}
