package io.urop.stripe.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /_emulator/…}: the emulator's own switches over HTTP, for the dev stack and tests in other JVMs. Parameters
 * are form-encoded (body or query); answers are JSON. There is no key: the emulator only listens on 127.0.0.1.
 */
final class ControlApi implements HttpHandler {

    private static final Pattern SESSION_ACTION = Pattern.compile("/_emulator/checkout/sessions/([^/]+)/(pay|authenticate|expire)");
    private static final Pattern ONBOARD = Pattern.compile("/_emulator/accounts/([^/]+)/onboard");
    private static final Pattern ENDPOINT = Pattern.compile("/_emulator/webhook_endpoints/([^/]+)");

    private final StripeEmulator emulator;

    ControlApi(StripeEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = Exchanges.body(exchange);
        Params params = FormParams.parse(Exchanges.query(exchange) + (body.isEmpty() ? "" : "&" + body));
        int status = 200;
        Object answer;
        try {
            answer = answer(method, path, params);
            if (answer == null) {
                status = 404;
                answer = Map.of("error", "No control operation " + method + " " + path);
            }
        } catch (StripeError e) {
            status = e.status;
            answer = Map.of("error", e.getMessage());
        } catch (IllegalArgumentException e) {
            status = e.getMessage() != null && e.getMessage().startsWith("No such") ? 404 : 400;
            answer = Map.of("error", String.valueOf(e.getMessage()));
        }
        Exchanges.json(exchange, status, Json.write(answer), Map.of());
    }

    private Object answer(String method, String path, Params params) {
        if (method.equals("GET")) {
            switch (path) {
                case "/_emulator/health":
                    return Map.of("status", "ok", "base_url", emulator.baseUrl(), "platform_account", emulator.platformAccountId());
                case "/_emulator/webhook_endpoints":
                    return emulator.webhookEndpoints().stream().map(ControlApi::endpoint).toList();
                case "/_emulator/webhook_deliveries":
                    return emulator.webhookDeliveries().stream().map(ControlApi::delivery).toList();
                default:
                    return null;
            }
        }
        if (method.equals("DELETE")) {
            Matcher endpoint = ENDPOINT.matcher(path);
            if (endpoint.matches()) {
                emulator.removeWebhookEndpoint(endpoint.group(1));
                return Map.of("deleted", true);
            }
            return null;
        }
        if (!method.equals("POST")) {
            return null;
        }
        Matcher sessionAction = SESSION_ACTION.matcher(path);
        if (sessionAction.matches()) {
            String sessionId = sessionAction.group(1);
            switch (sessionAction.group(2)) {
                case "pay":
                    return Map.of("outcome", emulator.payCheckoutSession(sessionId, params.required("card")).name().toLowerCase());
                case "authenticate":
                    boolean passed = !"fail".equals(params.string("result", "complete"));
                    return Map.of("outcome", emulator.authenticateCheckoutSession(sessionId, passed).name().toLowerCase());
                default:
                    return Map.of("expired", emulator.expireNow(sessionId));
            }
        }
        Matcher onboard = ONBOARD.matcher(path);
        if (onboard.matches()) {
            emulator.completeOnboarding(onboard.group(1));
            return Map.of("onboarded", onboard.group(1));
        }
        switch (path) {
            case "/_emulator/webhook_endpoints":
                return endpoint(emulator.registerWebhookEndpoint(URI.create(params.required("url")),
                        params.string("secret"), params.bool("connect", false)));
            case "/_emulator/webhooks/duplicate":
                emulator.duplicateWebhooks(params.longValue("copies").intValue());
                break;
            case "/_emulator/webhooks/delay":
                emulator.delayWebhooks(Duration.ofMillis(params.requiredLong("millis")));
                break;
            case "/_emulator/webhooks/drop":
                emulator.dropNextWebhooks((int) params.requiredLong("events"));
                break;
            case "/_emulator/webhooks/hold":
                emulator.holdWebhooks();
                break;
            case "/_emulator/webhooks/release":
                emulator.releaseWebhooks();
                break;
            case "/_emulator/webhooks/release_in_reverse":
                emulator.releaseWebhooksInReverse();
                break;
            case "/_emulator/webhooks/pause":
                emulator.pauseWebhooks();
                break;
            case "/_emulator/webhooks/resume":
                emulator.resumeWebhooks();
                break;
            case "/_emulator/webhooks/reset":
                emulator.resetWebhookSwitches();
                break;
            case "/_emulator/outage":
                int status = (int) params.requiredLong("status");
                if (params.has("calls")) {
                    emulator.failNextApiCalls((int) params.requiredLong("calls"), status, params.string("code"));
                } else {
                    emulator.failApiCallsUntilReset(status, params.string("code"));
                }
                break;
            case "/_emulator/outage/reset":
                emulator.endOutage();
                break;
            case "/_emulator/latency":
                emulator.apiLatency(Duration.ofMillis(params.requiredLong("millis")));
                break;
            default:
                return null;
        }
        return Map.of("ok", true);
    }

    private static Map<String, Object> endpoint(WebhookEndpoint endpoint) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", endpoint.id());
        json.put("url", endpoint.url().toString());
        json.put("secret", endpoint.secret());
        json.put("connect", endpoint.connect());
        return json;
    }

    private static Map<String, Object> delivery(WebhookDelivery delivery) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event_id", delivery.eventId());
        json.put("event_type", delivery.eventType());
        json.put("endpoint_url", delivery.endpointUrl());
        json.put("attempt", delivery.attempt());
        json.put("status", delivery.status());
        json.put("dropped", delivery.dropped());
        json.put("at", delivery.at().toString());
        return json;
    }
}
