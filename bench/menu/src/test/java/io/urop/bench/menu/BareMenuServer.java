package io.urop.bench.menu;

import java.nio.file.Files;
import java.nio.file.Path;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The baseline for the gateway's throughput: a bare Reactor Netty HTTP server (the stack the gateway is built on)
 * answering {@code GET /api/v1/public/locations/{locationId}/menu} with the very same bytes, held in memory, and
 * nothing else: no routing to another process, no Redis, no filters.
 * {@code java -cp <test classpath> io.urop.bench.menu.BareMenuServer <menu.json.gz> [etag]} (the gzip-compressed menu a phone gets); it listens on a free
 * port of 127.0.0.1, prints {@code listening on http://127.0.0.1:<port>} and runs until killed.
 */
public final class BareMenuServer {

    private BareMenuServer() {
    }

    public static void main(String[] args) throws Exception {
        byte[] menu = Files.readAllBytes(Path.of(args[0]));
        String etag = args.length > 1 ? args[1] : "\"bare\"";
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get("/api/v1/public/locations/{locationId}/menu", (request, response) -> response
                        .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .header(HttpHeaderNames.CONTENT_ENCODING, "gzip")
                        .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(menu.length))
                        .header(HttpHeaderNames.ETAG, etag)
                        .header(HttpHeaderNames.CACHE_CONTROL, "no-cache, public")
                        .header(HttpHeaderNames.VARY, "Accept-Language, Accept-Encoding")
                        .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(menu)))))
                .bindNow();
        System.out.println("listening on http://127.0.0.1:" + server.port());
        server.onDispose().block();
    }
}
