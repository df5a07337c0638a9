package io.urop.stripe.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A payer's browser, reduced to what the hosted pages need: GET a page, POST its form, see the redirect. */
final class Browser {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    HttpResponse<String> post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Fills in the checkout page's card form as a payer would and submits it. */
    HttpResponse<String> payWithCard(String checkoutUrl, String cardNumber) {
        HttpResponse<String> page = get(checkoutUrl);
        if (page.statusCode() != 200 || !page.body().contains("name=\"card_number\"")) {
            throw new AssertionError("No card form on " + checkoutUrl + ": " + page.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("card_number", cardNumber);
        form.put("card_expiry", "12 / 34");
        form.put("card_cvc", "123");
        form.put("cardholder_name", "Ada Diner");
        return post(checkoutUrl, form);
    }

    /** Submits the card form without looking at the page first, e.g. to a session that no longer shows it. */
    HttpResponse<String> payWithCardUnchecked(String checkoutUrl, String cardNumber) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("card_number", cardNumber);
        form.put("card_expiry", "12 / 34");
        form.put("card_cvc", "123");
        form.put("cardholder_name", "Ada Diner");
        return post(checkoutUrl, form);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
