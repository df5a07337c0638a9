package io.urop.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/** What every answer of the public edge carries or refuses: CORS, security headers, size limits. */
class EdgeTest extends GatewayIntegrationTest {

    private static final int MAX_BODY = 1024 * 1024;

    @Test
    void anAllowedOriginsPreflightIsAnsweredWithoutAToken() {
        client.options().uri("/api/v1/orders")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                        methods -> assertThat(methods).contains("POST", "PATCH", "DELETE"))
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600")
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
    }

    @Test
    void anAllowedOriginsCallGetsTheCorsHeadersAndSeesTheExposedOnes() {
        client.get().uri("/api/v1/orders/1")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestFleet.AUTH.token())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed).contains("Retry-After", "X-Request-Id", "ETag", "Location"));
    }

    @Test
    void anyOtherOriginIsRefused() {
        client.options().uri("/api/v1/orders")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        // a disallowed method or header from the allowed origin too
        client.options().uri("/api/v1/orders")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-urop-tenant-id")
                .exchange()
                .expectStatus().isForbidden();
        client.get().uri("/api/v1/public/locations/loc-1/menu")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        EntityExchangeResult<String> routed = client.get().uri("/api/v1/orders/1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestFleet.AUTH.token()).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        assertSecurityHeaders(routed.getResponseHeaders(), "default-src 'none'; frame-ancestors 'none'");
        assertThat(routed.getResponseHeaders().getCacheControl()).isEqualTo("no-store");

        EntityExchangeResult<String> refused = client.get().uri("/api/v1/orders/1").exchange()
                .expectStatus().isUnauthorized().expectBody(String.class).returnResult();
        assertSecurityHeaders(refused.getResponseHeaders(), "default-src 'none'; frame-ancestors 'none'");

        EntityExchangeResult<String> unknown = client.get().uri("/api/v1/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestFleet.AUTH.token()).exchange()
                .expectStatus().isNotFound().expectBody(String.class).returnResult();
        assertSecurityHeaders(unknown.getResponseHeaders(), "default-src 'none'; frame-ancestors 'none'");

        EntityExchangeResult<byte[]> swaggerUi = client.get().uri("/swagger-ui.html").exchange()
                .expectBody().returnResult();
        String csp = swaggerUi.getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'");
        assertSecurityHeaders(swaggerUi.getResponseHeaders(), csp);
    }

    /**
     * The apps' own scripts, styles, pictures and API only, and the dishes' pictures from where they are stored: no
     * inline script, nothing else from elsewhere, no framing.
     */
    private static final String APP_CSP = "default-src 'self'; img-src 'self' data: blob: " + IMAGE_ORIGIN
            + "; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Test
    void theBrowserAppsAreServedWithoutATokenUnderAPolicyThatLetsThemRunOnlyTheirOwnCode() {
        for (String page : List.of("/table?location=l&table=t", "/kitchen", "/admin/menus/42", "/table/assets/app-1a2b.js")) {
            EntityExchangeResult<String> app = client.get().uri(page)
                    .header("X-Test-Cache-Control", "public, max-age=31536000, immutable").exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult();
            assertThat(app.getResponseBody()).as(page).contains("web-apps");
            assertSecurityHeaders(app.getResponseHeaders(), APP_CSP);
            assertThat(app.getResponseHeaders().getCacheControl()).isEqualTo("public, max-age=31536000, immutable");
        }
    }

    @Test
    void aServicesOwnCacheControlIsKept() {
        client.get().uri("/api/v1/public/locations/loc-1/menu").header("X-Test-Cache-Control", "public, max-age=60")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=60");
    }

    @Test
    void aBodyOverTheLimitIs413AndNeverReachesTheService() {
        String path = "/api/v1/orders/" + UUID.randomUUID();
        byte[] body = new byte[MAX_BODY + 1];
        Arrays.fill(body, (byte) 'a');
        String problem = client.post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestFleet.AUTH.token())
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("https://urop.io/problems/payload-too-large");
        assertThat(JsonPath.<Integer>read(problem, "$.status")).isEqualTo(413);
        assertThat(TestFleet.backend("order-service").received()).doesNotContain("POST " + path);
    }

    @Test
    void aChunkedBodyIsCountedAsItStreamsAndCutAtTheLimit() {
        String path = "/api/v1/orders/" + UUID.randomUUID();
        Flux<DataBuffer> body = Flux.range(0, 32).map(i -> {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'b');
            return DefaultDataBufferFactory.sharedInstance.wrap(chunk);
        });
        String problem = client.post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestFleet.AUTH.token())
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(body, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("https://urop.io/problems/payload-too-large");
        assertThat(TestFleet.backend("order-service").received()).doesNotContain("POST " + path);
    }

    @Test
    void aBodyAtTheLimitPasses() {
        String path = "/api/v1/orders/" + UUID.randomUUID();
        byte[] body = new byte[MAX_BODY];
        Arrays.fill(body, (byte) 'c');
        client.post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestFleet.AUTH.token())
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(body)
                .exchange()
                .expectStatus().isOk();
        assertThat(TestFleet.backend("order-service").received()).contains("POST " + path);
    }

    @Test
    void aPictureUploadMayBeLargerThanOtherBodiesButNotWithoutLimit() {
        byte[] picture = new byte[3 * MAX_BODY];
        client.post().uri("/api/v1/menus/images")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestFleet.AUTH.token())
                .contentType(MediaType.IMAGE_JPEG).bodyValue(picture)
                .exchange()
                .expectStatus().isOk();
        assertThat(TestFleet.backend("menu-service").received()).contains("POST /api/v1/menus/images");

        client.post().uri("/api/v1/menus/images")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestFleet.AUTH.token())
                .contentType(MediaType.IMAGE_JPEG).bodyValue(new byte[6 * 1024 * 1024 + 1])
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void headersTooLargeAre431WithoutAStackTrace() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/public/locations/loc-1/menu"))
                        .header("X-Big", "x".repeat(20_000)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.body()).doesNotContain("Exception", "at io.", "at org.");
    }

    private static void assertSecurityHeaders(HttpHeaders headers, String csp) {
        assertThat(headers.getFirst("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.get("Content-Security-Policy")).containsExactly(csp);
    }
}
