package io.urop.notification.email;

import java.util.Locale;

import io.urop.client.ServiceClient;
import io.urop.client.ServiceClients;
import io.urop.events.tenant.MemberInvited;
import io.urop.messaging.inbox.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The invitation to work for a restaurant, with the link that accepts it, on tenant-service's events. Each once. */
@Component
class InvitationEmails {

    private static final String INVITATION_LINK = "/internal/v1/tenants/{tenantId}/invitations/{invitationId}/link";

    private final Inbox inbox;
    private final Mailer mailer;
    private final ServiceClient tenants;

    InvitationEmails(Inbox inbox, Mailer mailer, ServiceClients clients) {
        this.inbox = inbox;
        this.mailer = mailer;
        this.tenants = clients.client("tenant-service");
    }

    @KafkaListener(topics = "tenant.events")
    void on(String message) {
        inbox.process(message, "email-invitation", MemberInvited.class,
                invited -> EmailedLink.of(tenants, INVITATION_LINK, invited.tenantId(), invited.invitationId())
                        .ifPresent(link -> mailer.send(email(invited, link))));
    }

    Email email(MemberInvited invited, EmailedLink link) {
        String role = invited.knownRole().map(known -> known.name().toLowerCase(Locale.ROOT)).orElse("member");
        return new Email(invited.email(), "Join " + invited.tenantName() + " on urop", """
                Hello,

                You are invited to join %s on urop as %s %s. To accept, open this link before %s and choose \
                your name and password:

                %s

                If you did not expect this invitation, you need not do anything: it ends unused.
                """.formatted(invited.tenantName(), article(role), role,
                AccountEmails.WHEN.format(link.expiresAt()), link.url()));
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
