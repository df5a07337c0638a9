package io.urop.notification.sms;

import java.util.Set;

import io.urop.notification.delivery.Channel;
import io.urop.notification.delivery.Courier;
import io.urop.notification.delivery.Message;
import io.urop.notification.delivery.RecipientRefusedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Sends SMS through an API in Twilio's format ({@code POST /2010-04-01/Accounts/{sid}/Messages.json}). A number the
 * API refuses for good (not valid, not a mobile, unsubscribed: Twilio's 21211, 21214, 21217, 21610, 21614, 21635) is a
 * {@link RecipientRefusedException}; any other failure is thrown to be retried, including those that are about the
 * account or the sender rather than the number (21408, a country the account may not send to; 21612, a route).
 * A text longer than Twilio takes (1,600 characters) is cut.
 */
@Component
@EnableConfigurationProperties(SmsProperties.class)
class SmsCourier implements Courier {

    private static final Set<Integer> REFUSED_FOR_GOOD = Set.of(21211, 21214, 21217, 21610, 21614, 21635);

    static final int MAX_BODY = 1_600;

    private final SmsProperties properties;
    private final RestClient api;
    private final JsonMapper json;

    SmsCourier(SmsProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.connectTimeout());
        requests.setReadTimeout(properties.timeout());
        this.api = RestClient.builder().baseUrl(properties.apiBase().toString()).requestFactory(requests)
                .defaultHeaders(headers -> headers.setBasicAuth(properties.accountSid(), properties.authToken()))
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String send(Message message) {
        if (!properties.enabled()) {
            throw new IllegalStateException("No SMS account is set (urop.notification.sms.account-sid)");
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", message.to());
        if (properties.messagingServiceSid().isBlank()) {
            form.add("From", properties.from());
        }
        else {
            form.add("MessagingServiceSid", properties.messagingServiceSid());
        }
        form.add("Body", message.text().length() > MAX_BODY ? message.text().substring(0, MAX_BODY) : message.text());
        return api.post().uri("/2010-04-01/Accounts/{sid}/Messages.json", properties.accountSid()).body(form)
                .exchange((request, response) -> {
                    JsonNode answer = read(response.getBody().readAllBytes());
                    if (response.getStatusCode().is2xxSuccessful() && answer.path("sid").isString()) {
                        return answer.path("sid").asString();
                    }
                    throw failure(response.getStatusCode(), answer);
                });
    }

    /** The API's JSON, or an empty object for what is not (a proxy's HTML error page). */
    private JsonNode read(byte[] body) {
        try {
            JsonNode tree = json.readTree(body);
            return tree == null ? json.createObjectNode() : tree;
        }
        catch (JacksonException notJson) {
            return json.createObjectNode();
        }
    }

    private static RuntimeException failure(HttpStatusCode status, JsonNode error) {
        int code = error.path("code").asInt();
        String detail = "the SMS API answered " + status.value() + " (" + code + " " + error.path("message").asString()
                + ")";
        if (status.is4xxClientError() && REFUSED_FOR_GOOD.contains(code)) {
            return new RecipientRefusedException(detail, null);
        }
        return new SmsNotSentException(detail);
    }
}
