package io.urop.bench.menu;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * The least any gateway can cost: a bare Reactor Netty reverse proxy (the stack the gateway is built on) passing every
 * request to one service and its answer back, headers and body as they are, over pooled connections, and nothing else:
 * no routing table, no filters, no security, no limits, no breaker, no observation. What it costs beside a direct call
 * is the hop itself: a second connection, a second parse of the request and the answer, the copies between them.
 * {@code java -cp <test classpath> io.urop.bench.menu.BareProxy <service base URL>}; it listens on a free port of
 * 127.0.0.1, prints {@code listening on http://127.0.0.1:<port>} and runs until killed.
 */
public final class BareProxy {

    private BareProxy() {
    }

    public static void main(String[] args) {
        HttpClient service = HttpClient.create().baseUrl(args[0]);
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> service
                        .headers(headers -> copy(request.requestHeaders(), headers))
                        .request(request.method())
                        .uri(request.uri())
                        .send(request.receive().retain())
                        .response((answer, body) -> {
                            copy(answer.responseHeaders(), response.responseHeaders());
                            return response.status(answer.status()).send(body.retain());
                        }))
                .bindNow();
        System.out.println("listening on http://127.0.0.1:" + server.port());
        server.onDispose().block();
    }

    private static void copy(HttpHeaders from, HttpHeaders to) {
        from.forEach(header -> {
            if (!HttpHeaderNames.HOST.contentEqualsIgnoreCase(header.getKey())
                    && !HttpHeaderNames.CONNECTION.contentEqualsIgnoreCase(header.getKey())) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }
}
