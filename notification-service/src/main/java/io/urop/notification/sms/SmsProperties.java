package io.urop.notification.sms;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS API, in Twilio's format ({@code urop.notification.sms.*}): Twilio itself, or devstack's capture.
 *
 * @param apiBase             where the API is
 * @param accountSid          the account ({@code AC…}); none means the platform sends no SMS
 * @param authToken           the account's secret (a Kubernetes Secret in Helm)
 * @param from                the sender's number in E.164, or
 * @param messagingServiceSid a messaging service ({@code MG…}) that picks the sender
 */
@ConfigurationProperties("urop.notification.sms")
public record SmsProperties(@DefaultValue("https://api.twilio.com") URI apiBase, @DefaultValue("") String accountSid,
        @DefaultValue("") String authToken, @DefaultValue("") String from, @DefaultValue("") String messagingServiceSid,
        @DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration timeout) {

    public SmsProperties {
        // an empty UROP_SMS_API_BASE means Twilio itself
        apiBase = apiBase == null || apiBase.toString().isBlank() ? URI.create("https://api.twilio.com") : apiBase;
    }

    public boolean enabled() {
        return !accountSid.isBlank();
    }
}
