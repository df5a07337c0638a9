package io.urop.gateway;

import java.net.URI;

import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;

/**
 * A real WebSocket backend on a free local port, as notification-service's {@code /ws} is met through the gateway: a
 * socket's first frame is the path and query it was opened with, its second the forwarding, request id and
 * {@code X-Urop-Tenant-Id} headers it was opened with, and each frame it gets comes back as {@code echo:<frame>}.
 */
final class SocketBackend {

    private final DisposableServer server;

    private SocketBackend(DisposableServer server) {
        this.server = server;
    }

    static SocketBackend start() {
        return new SocketBackend(HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/ws", (request, response) -> response.sendWebsocket((in, out) ->
                        out.sendString(Flux.concat(Mono.just(request.uri()), Mono.just(headersOf(request)),
                                in.receive().asString().map(text -> "echo:" + text))))))
                .bindNow());
    }

    private static String headersOf(HttpServerRequest request) {
        HttpHeaders headers = request.requestHeaders();
        return "forwarded-for=" + headers.getAll("X-Forwarded-For") + " real-ip=" + headers.getAll("X-Real-IP")
                + " request-id=" + headers.getAll("X-Request-Id") + " tenant=" + headers.getAll("X-Urop-Tenant-Id");
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }
}
