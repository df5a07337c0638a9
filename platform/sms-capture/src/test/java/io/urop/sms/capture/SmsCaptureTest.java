package io.urop.sms.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmsCaptureTest {

    static final SmsCapture capture = SmsCapture.start();

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @AfterAll
    static void stop() {
        capture.close();
    }

    @BeforeEach
    void empty() {
        capture.clear();
    }

    @Test
    void keepsAMessageAndAnswersWithTwiliosMessageResource() throws Exception {
        HttpResponse<String> sent = send(capture.authToken(),
                Map.of("To", "+33612345678", "From", "+15005550006", "Body", "Your order is ready"));

        assertThat(sent.statusCode()).isEqualTo(201);
        JsonNode message = json.readTree(sent.body());
        assertThat(message.get("sid").asText()).matches("SM[0-9a-f]{32}");
        assertThat(message.get("status").asText()).isEqualTo("queued");
        assertThat(message.get("to").asText()).isEqualTo("+33612345678");
        assertThat(message.get("num_segments").asText()).isEqualTo("1");
        assertThat(capture.messagesTo("+33612345678")).singleElement()
                .satisfies(kept -> assertThat(kept.body()).isEqualTo("Your order is ready"));

        JsonNode listed = json.readTree(get(capture.messagesUrl() + "?To=%2B33612345678").body());
        assertThat(listed.get("messages")).hasSize(1);
        assertThat(listed.get("messages").get(0).get("sid").asText()).isEqualTo(message.get("sid").asText());
        assertThat(json.readTree(get(capture.messagesUrl() + "?To=%2B4915112345678").body()).get("messages")).isEmpty();
    }

    @Test
    void refusesWhatTwilioRefusesWithItsErrorCodes() throws Exception {
        assertRefused(send("wrong-token", Map.of("To", "+33612345678", "From", "+15005550006", "Body", "x")), 401, 20003);
        assertRefused(send(capture.authToken(), Map.of("From", "+15005550006", "Body", "x")), 400, 21604);
        assertRefused(send(capture.authToken(), Map.of("To", "+33612345678", "Body", "x")), 400, 21603);
        assertRefused(send(capture.authToken(), Map.of("To", "+33612345678", "From", "+15005550006")), 400, 21602);
        assertRefused(send(capture.authToken(), Map.of("To", "0612345678", "From", "+15005550006", "Body", "x")),
                400, 21211);
        assertRefused(send(capture.authToken(), Map.of("To", "+15005550001", "From", "+15005550006", "Body", "x")),
                400, 21211);
        assertRefused(send(capture.authToken(), Map.of("To", "+15005550004", "From", "+15005550006", "Body", "x")),
                400, 21610);
        assertThat(capture.messages()).isEmpty();
    }

    @Test
    void anOutageAnswersTheNextSendsAndThenEnds() throws Exception {
        capture.failNextSends(2, 503);
        Map<String, String> form = Map.of("To", "+33612345678", "From", "+15005550006", "Body", "x");

        assertThat(send(capture.authToken(), form).statusCode()).isEqualTo(503);
        assertThat(send(capture.authToken(), form).statusCode()).isEqualTo(503);
        assertThat(send(capture.authToken(), form).statusCode()).isEqualTo(201);
        assertThat(capture.messages()).hasSize(1);
    }

    private void assertRefused(HttpResponse<String> response, int status, int code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("code").asInt()).isEqualTo(code);
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("more_info").asText()).endsWith("/" + code);
    }

    private HttpResponse<String> send(String authToken, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(capture.messagesUrl())
                .header("Authorization", basic(authToken))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(capture.authToken()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String authToken) {
        return "Basic " + Base64.getEncoder().encodeToString((capture.accountSid() + ":" + authToken)
                .getBytes(StandardCharsets.UTF_8));
    }
}
