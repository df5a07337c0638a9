package io.urop.qr.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** A diner's phone: scans a code as its camera app does (the redirect looked at, not followed). */
final class Phone {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private Phone() {
    }

    /** A scan by a phone that never scanned before (no cookie). */
    static HttpResponse<String> scan(int port, String code, String accept) {
        return scan(port, code, accept, Map.of());
    }

    /** @param headers what else the phone sends, e.g. its device cookie ({@link #deviceCookie}) */
    static HttpResponse<String> scan(int port, String code, String accept, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/" + code));
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static URI admitted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    static void refused(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("https://urop.io/problems/" + type);
        assertThat((String) JsonPath.read(response.body(), "$.detail")).isNotBlank();
    }

    /** The phone scans again, sending back the cookie its earlier scan set. */
    static HttpResponse<String> scanAgain(int port, String code, HttpResponse<String> earlier) {
        return scan(port, code, null, Map.of(HttpHeaders.COOKIE, deviceCookie(earlier)));
    }

    /** The {@code Set-Cookie} of the device cookie a scan set. */
    static String setCookie(HttpResponse<String> response) {
        return response.headers().allValues(HttpHeaders.SET_COOKIE).stream()
                .filter(cookie -> cookie.startsWith("urop_device=")).findFirst()
                .orElseThrow(() -> new AssertionError("No device cookie in " + response.headers()));
    }

    /** The device cookie a scan set, as the phone sends it back ({@code name=value}). */
    static String deviceCookie(HttpResponse<String> response) {
        String cookie = setCookie(response);
        return cookie.substring(0, cookie.indexOf(';'));
    }

    static Map<String, String> query(URI app) {
        return UriComponentsBuilder.fromUri(app).build().getQueryParams().toSingleValueMap();
    }

    /** The diner token the app finds in the redirect's fragment. */
    static String dinerToken(URI app) {
        String fragment = app.getFragment();
        return fragment.substring("token=".length(), fragment.indexOf('&'));
    }
}
