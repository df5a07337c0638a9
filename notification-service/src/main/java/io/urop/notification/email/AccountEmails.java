package io.urop.notification.email;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.urop.client.ServiceClient;
import io.urop.client.ServiceClients;
import io.urop.events.EventCodec;
import io.urop.events.auth.PasswordResetRequested;
import io.urop.events.auth.SignupAttempted;
import io.urop.messaging.inbox.Inbox;
import io.urop.notification.delivery.Channel;
import io.urop.notification.delivery.Deliveries;
import io.urop.notification.template.Languages;
import io.urop.notification.template.MessageKind;
import io.urop.notification.template.MessageTemplates;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The emails about a person's own account, on auth-service's events: the link to set a new password, and the notice
 * that someone tried to sign a restaurant up with the address (the sign-up answered as any other, so this email is
 * the only place where an existing account shows, and only to the address's own owner). Each event once.
 */
@Component
class AccountEmails {

    static final DateTimeFormatter WHEN = DateTimeFormatter
            .ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final String RESET_LINK = "/internal/v1/tenants/{tenantId}/password-resets/{resetId}/link";

    private final Inbox inbox;
    private final EventCodec codec;
    private final MessageTemplates templates;
    private final Deliveries deliveries;
    private final EmailProperties properties;
    private final ServiceClient auth;

    AccountEmails(Inbox inbox, EventCodec codec, MessageTemplates templates, Deliveries deliveries,
            EmailProperties properties, ServiceClients clients) {
        this.inbox = inbox;
        this.codec = codec;
        this.templates = templates;
        this.deliveries = deliveries;
        this.properties = properties;
        this.auth = clients.client("auth-service");
    }

    // one listener per topic: listeners of one group on one topic would share its partitions, each seeing a part
    @KafkaListener(topics = "auth.events")
    void on(String message) {
        UUID eventId = codec.decode(message).eventId();
        inbox.process(message, "email-password-reset", PasswordResetRequested.class,
                reset -> EmailedLink.of(auth, RESET_LINK, reset.tenantId(), reset.resetId())
                        .ifPresent(link -> send(eventId, reset.tenantId(), MessageKind.PASSWORD_RESET, reset.email(),
                                Map.of("email", reset.email(), "link", link.url().toString(),
                                        "expiresAt", WHEN.format(link.expiresAt())))));
        inbox.process(message, "email-signup-attempted", SignupAttempted.class,
                attempt -> send(eventId, attempt.tenantId(), MessageKind.SIGNUP_ATTEMPTED, attempt.email(),
                        Map.of("email", attempt.email(), "attemptedAt", WHEN.format(attempt.attemptedAt()),
                                "accountActive", attempt.accountActive(),
                                "staffAppUrl", properties.staffAppUrl().toString())));
    }

    private void send(UUID eventId, UUID tenantId, MessageKind kind, String email, Map<String, ?> values) {
        deliveries.deliver(eventId, templates.write(tenantId, kind, Channel.EMAIL, Languages.DEFAULT, email, values));
    }
}
