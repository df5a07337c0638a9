package io.urop.notification.email;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.urop.client.ServiceClient;
import io.urop.client.ServiceClients;
import io.urop.events.EventCodec;
import io.urop.events.tenant.MemberInvited;
import io.urop.messaging.inbox.Inbox;
import io.urop.notification.delivery.Channel;
import io.urop.notification.delivery.Deliveries;
import io.urop.notification.template.Languages;
import io.urop.notification.template.MessageKind;
import io.urop.notification.template.MessageTemplates;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The invitation to work for a restaurant, with the link that accepts it, on tenant-service's events. Each once. */
@Component
class InvitationEmails {

    private static final String INVITATION_LINK = "/internal/v1/tenants/{tenantId}/invitations/{invitationId}/link";

    private final Inbox inbox;
    private final EventCodec codec;
    private final MessageTemplates templates;
    private final Deliveries deliveries;
    private final ServiceClient tenants;

    InvitationEmails(Inbox inbox, EventCodec codec, MessageTemplates templates, Deliveries deliveries,
            ServiceClients clients) {
        this.inbox = inbox;
        this.codec = codec;
        this.templates = templates;
        this.deliveries = deliveries;
        this.tenants = clients.client("tenant-service");
    }

    @KafkaListener(topics = "tenant.events")
    void on(String message) {
        UUID eventId = codec.decode(message).eventId();
        inbox.process(message, "email-invitation", MemberInvited.class,
                invited -> EmailedLink.of(tenants, INVITATION_LINK, invited.tenantId(), invited.invitationId())
                        .ifPresent(link -> deliveries.deliver(eventId, templates.write(invited.tenantId(),
                                MessageKind.INVITATION, Channel.EMAIL, Languages.DEFAULT, invited.email(),
                                values(invited, link)))));
    }

    private static Map<String, Object> values(MemberInvited invited, EmailedLink link) {
        String role = invited.knownRole().map(known -> known.name().toLowerCase(Locale.ROOT)).orElse("member");
        return Map.of("restaurant", invited.tenantName(), "role", role, "aRole", article(role) + " " + role,
                "link", link.url().toString(), "expiresAt", AccountEmails.WHEN.format(link.expiresAt()));
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
