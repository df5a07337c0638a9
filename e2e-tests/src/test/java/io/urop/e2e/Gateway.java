package io.urop.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the fleet's one public entry, speaking HTTP/1.1 as browsers and curl do. It never follows a redirect,
 * so a 303 is seen as such.
 */
final class Gateway {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final URI base;

    Gateway(URI base) {
        this.base = base;
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** A GET with an access token. */
    Reply get(String path, String accessToken) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + accessToken).GET());
    }

    Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST with an access token; {@code json} may be null for none. */
    Reply post(String path, String json, String accessToken) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + accessToken)
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A creating POST with an access token and the Idempotency-Key a client sends with it. */
    Reply post(String path, String json, String accessToken, String idempotencyKey) {
        return send(creating(path, json, accessToken, idempotencyKey));
    }

    /** A creating POST in a trace the client started (its W3C {@code traceparent}). */
    Reply postTraced(String path, String json, String accessToken, String idempotencyKey, String traceparent) {
        return send(creating(path, json, accessToken, idempotencyKey).header("traceparent", traceparent));
    }

    private HttpRequest.Builder creating(String path, String json, String accessToken, String idempotencyKey) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + accessToken)
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    /** A PUT of a JSON body with an access token. */
    Reply put(String path, String json, String accessToken) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + accessToken)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A DELETE with an access token. */
    Reply delete(String path, String accessToken) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + accessToken)
                .DELETE());
    }

    /** A claim of an access token, as any client may read it (the gateway and the services verify it). */
    static String claim(String accessToken, String name) {
        byte[] payload = Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]);
        return JSON.readTree(payload).path(name).asString();
    }

    static Reply getJson(URI uri) {
        return getAccepting(uri, "application/json");
    }

    /** A GET of any URL (redirects are not followed: the answer is the 3xx itself). */
    static Reply getAccepting(URI uri, String accept) {
        return send(HttpRequest.newBuilder(uri).header("Accept", accept).GET());
    }

    private static Reply send(HttpRequest.Builder request) {
        long begin = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response, Duration.ofNanos(System.nanoTime() - begin));
        }
        catch (IOException e) {
            throw new IllegalStateException("No answer from " + request.build().uri(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(HttpResponse<String> response, Duration took) {

        int status() {
            return response.statusCode();
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            return JSON.readTree(response.body());
        }

        @Override
        public String toString() {
            return status() + " " + response.body();
        }
    }
}
