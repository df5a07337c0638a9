package io.urop.stripe.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code /v1} API: checks the secret key, picks the account ({@code Stripe-Account}), applies the outage switch
 * and {@code Idempotency-Key}, then runs the endpoint with the ledger locked.
 */
final class ApiHandler implements HttpHandler {

    private record Route(String method, Pattern path, Function<ApiRequest, Map<String, Object>> action) {
    }

    private final Ledger ledger;
    private final Idempotency idempotency;
    private final OutageSwitch outage;
    private final List<Route> routes = new ArrayList<>();
    private volatile Duration latency = Duration.ZERO;

    ApiHandler(Ledger ledger, Idempotency idempotency, OutageSwitch outage, AccountsApi accounts,
            CheckoutSessionsApi sessions, PaymentIntentsApi paymentIntents, RefundsApi refunds, Events events) {
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.outage = outage;
        route("POST", "/v1/accounts", accounts::create);
        route("GET", "/v1/accounts/([^/]+)", accounts::retrieve);
        route("POST", "/v1/account_links", accounts::createLink);
        route("POST", "/v1/checkout/sessions", sessions::create);
        route("GET", "/v1/checkout/sessions", sessions::list);
        route("GET", "/v1/checkout/sessions/([^/]+)", sessions::retrieve);
        route("GET", "/v1/checkout/sessions/([^/]+)/line_items", sessions::lineItems);
        route("POST", "/v1/checkout/sessions/([^/]+)/expire", sessions::expire);
        route("GET", "/v1/payment_intents", paymentIntents::list);
        route("GET", "/v1/payment_intents/([^/]+)", paymentIntents::retrieve);
        route("GET", "/v1/charges", paymentIntents::listCharges);
        route("GET", "/v1/charges/([^/]+)", paymentIntents::retrieveCharge);
        route("POST", "/v1/refunds", refunds::create);
        route("GET", "/v1/refunds", refunds::list);
        route("GET", "/v1/refunds/([^/]+)", refunds::retrieve);
        route("GET", "/v1/events", events::list);
        route("GET", "/v1/events/([^/]+)", events::retrieve);
    }

    private void route(String method, String path, Function<ApiRequest, Map<String, Object>> action) {
        routes.add(new Route(method, Pattern.compile(path), action));
    }

    /** Every API call waits this long before it runs, e.g. to test client timeouts or overlapping retries. */
    void latency(Duration latency) {
        this.latency = latency;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = Ids.next("req_", 14);
        ApiResponse response;
        try {
            response = respond(exchange, requestId);
        } catch (StripeError error) {
            response = ApiResponse.error(error);
        } catch (RuntimeException e) {
            response = ApiResponse.error(new StripeError(500, "api_error", null, null,
                    "An unknown error occurred: " + e));
        }
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("Request-Id", requestId);
        String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        headers.put("Stripe-Version", ledger.apiVersion(exchange.getRequestHeaders().getFirst("Stripe-Version")));
        Exchanges.json(exchange, response.status(), response.body(), headers);
    }

    private ApiResponse respond(HttpExchange exchange, String requestId) throws IOException {
        String body = Exchanges.body(exchange);
        String apiKey = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        StripeError failure = outage.nextFailure();
        if (failure != null) {
            return ApiResponse.error(failure);
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Route route = null;
        Matcher matcher = null;
        for (Route candidate : routes) {
            Matcher candidateMatcher = candidate.path.matcher(path);
            if (candidate.method.equals(method) && candidateMatcher.matches()) {
                route = candidate;
                matcher = candidateMatcher;
                break;
            }
        }
        if (route == null) {
            throw new StripeError(404, "invalid_request_error", null, null, "Unrecognized request URL (" + method
                    + ": " + path + "). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.");
        }
        List<String> pathParams = new ArrayList<>();
        for (int group = 1; group <= matcher.groupCount(); group++) {
            pathParams.add(matcher.group(group));
        }
        String encodedParams = method.equals("GET") ? Exchanges.query(exchange) : body;
        String accountId = connectedAccount(exchange.getRequestHeaders().getFirst("Stripe-Account"), apiKey);
        String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        ApiRequest request = new ApiRequest(method, path, pathParams, FormParams.parse(encodedParams),
                accountId == null ? ledger.platform.id : accountId, accountId != null,
                exchange.getRequestHeaders().getFirst("Stripe-Version"),
                method.equals("POST") ? idempotencyKey : null, requestId);
        Route action = route;
        if (request.idempotencyKey() == null) {
            return run(action, request);
        }
        return idempotency.execute(apiKey + "|" + request.accountId(), request.idempotencyKey(),
                method + " " + path + "?" + FormParams.canonical(encodedParams), () -> run(action, request));
    }

    private ApiResponse run(Route route, ApiRequest request) {
        Duration wait = latency;
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            synchronized (ledger) {
                return ApiResponse.ok(route.action.apply(request));
            }
        } catch (StripeError error) {
            return ApiResponse.error(error);
        }
    }

    private String authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw StripeError.unauthenticated("You did not provide an API key. You need to provide your API key in the "
                    + "Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
        }
        String key = authorization.startsWith("Bearer ") ? authorization.substring("Bearer ".length()).trim() : null;
        if (key == null || !key.equals(ledger.settings.apiKey())) {
            throw StripeError.unauthenticated("Invalid API Key provided: " + redact(key));
        }
        return key;
    }

    private String connectedAccount(String header, String apiKey) {
        if (header == null || header.isBlank() || header.equals(ledger.platform.id)) {
            return null;
        }
        synchronized (ledger) {
            if (!ledger.accounts.containsKey(header)) {
                throw new StripeError(403, "invalid_request_error", "account_invalid", null, "The provided key '"
                        + redact(apiKey) + "' does not have access to account '" + header + "' (or that account does "
                        + "not exist). Application access may have been revoked.");
            }
        }
        return header;
    }

    private static String redact(String key) {
        if (key == null || key.length() < 12) {
            return "****";
        }
        return key.substring(0, 8) + "*".repeat(key.length() - 12) + key.substring(key.length() - 4);
    }
}
