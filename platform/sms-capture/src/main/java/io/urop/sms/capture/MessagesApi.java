package io.urop.sms.capture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio's Messages resource for one account: {@code POST} sends (keeps) a message, {@code GET} lists them newest first
 * (filter {@code To}) or reads one, each answered as Twilio answers.
 */
final class MessagesApi implements HttpHandler {

    private static final Pattern PATH =
            Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages(?:/(SM[0-9a-f]{32}))?\\.json");

    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final String accountSid;
    private final String authToken;
    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    MessagesApi(String accountSid, String authToken, Outbox outbox, Clock clock) {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches() || !path.group(1).equals(accountSid)) {
                answer(exchange, 404, error(new Refusal(404, 20404, "The requested resource "
                        + exchange.getRequestURI().getPath() + " was not found")));
                return;
            }
            if (!authenticated(exchange)) {
                answer(exchange, 401, error(Refusal.authentication()));
                return;
            }
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.group(2) == null) {
                send(exchange);
            }
            else if (method.equals("GET") && path.group(2) == null) {
                Optional<String> to = Optional.ofNullable(form(exchange.getRequestURI().getRawQuery()).get("To"));
                List<Map<String, Object>> messages = outbox.newestFirst().stream()
                        .filter(message -> to.map(message.to()::equals).orElse(true)).map(this::resource).toList();
                answer(exchange, 200, Map.of("messages", messages, "page", 0, "page_size", messages.size(),
                        "uri", exchange.getRequestURI().toString()));
            }
            else if (method.equals("GET")) {
                Optional<CapturedSms> message = outbox.find(path.group(2));
                answer(exchange, message.isPresent() ? 200 : 404, message.map(this::resource)
                        .orElseGet(() -> error(new Refusal(404, 20404, "Message " + path.group(2) + " not found"))));
            }
            else {
                answer(exchange, 405, error(new Refusal(405, 20004, "Method not allowed")));
            }
        }
    }

    private void send(HttpExchange exchange) throws IOException {
        Optional<Refusal> outage = outbox.outage();
        if (outage.isPresent()) {
            answer(exchange, outage.get().status(), error(outage.get()));
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String to = form.get("To");
        String from = form.get("From");
        String service = form.get("MessagingServiceSid");
        String body = form.get("Body");
        Optional<Refusal> refusal = to == null || to.isBlank() ? Optional.of(Refusal.missingTo())
                : (from == null || from.isBlank()) && (service == null || service.isBlank())
                        ? Optional.of(Refusal.missingFrom())
                        : body == null || body.isBlank() ? Optional.of(Refusal.missingBody()) : Refusal.ofRecipient(to);
        if (refusal.isPresent()) {
            answer(exchange, refusal.get().status(), error(refusal.get()));
            return;
        }
        CapturedSms message = outbox.keep(new CapturedSms(newSid(), accountSid, from, service, to, body,
                clock.instant()));
        answer(exchange, 201, resource(message));
    }

    private boolean authenticated(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        return expected.equals(header);
    }

    private Map<String, Object> resource(CapturedSms message) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("sid", message.sid());
        resource.put("account_sid", message.accountSid());
        resource.put("api_version", "2010-04-01");
        resource.put("from", message.from());
        resource.put("messaging_service_sid", message.messagingServiceSid());
        resource.put("to", message.to());
        resource.put("body", message.body());
        // nothing leaves this machine: a message is accepted and stays queued
        resource.put("status", "queued");
        resource.put("direction", "outbound-api");
        resource.put("num_segments", String.valueOf(segments(message.body())));
        resource.put("num_media", "0");
        resource.put("date_created", RFC_2822.format(message.createdAt()));
        resource.put("date_updated", RFC_2822.format(message.createdAt()));
        resource.put("date_sent", null);
        resource.put("error_code", null);
        resource.put("error_message", null);
        resource.put("price", null);
        resource.put("price_unit", "USD");
        resource.put("uri", "/2010-04-01/Accounts/" + message.accountSid() + "/Messages/" + message.sid() + ".json");
        return resource;
    }

    private static Map<String, Object> error(Refusal refusal) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", refusal.code());
        error.put("message", refusal.message());
        error.put("more_info", refusal.moreInfo());
        error.put("status", refusal.status());
        return error;
    }

    private static int segments(String body) {
        boolean gsm = body.chars().allMatch(c -> c < 128);
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        return body.length() <= single ? 1 : (body.length() + part - 1) / part;
    }

    private static String newSid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "SM" + Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> form = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(name, value);
        }
        return form;
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
