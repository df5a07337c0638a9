package io.urop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.tenant.MemberInvited;
import io.urop.notification.NotificationServiceTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

class InvitationEmailsTest extends NotificationServiceTest {

    @Test
    void anInvitedPersonGetsTheLinkToAcceptOnce() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID invitation = UUID.randomUUID();
        String email = "new-manager-" + UUID.randomUUID() + "@bistro.example";
        MemberInvited invited = new MemberInvited(invitation, tenant, "Brasserie Neuf", email, "OWNER",
                UUID.randomUUID().toString(), Instant.now());

        String event = codec.encode(codec.envelope(invited, tenant, invitation.toString(), null));

        kafka.send("tenant.events", invitation.toString(), event);
        kafka.send("tenant.events", invitation.toString(), event);

        MimeMessage received = awaitOneTo(email);
        assertThat(received.getSubject()).isEqualTo("Join Brasserie Neuf on urop");
        assertThat((String) received.getContent())
                .contains("join Brasserie Neuf on urop as an owner", LinkIssuers.url(invitation), "1 May 2026 at 09:30 UTC");
        Thread.sleep(1000);
        assertThat(messagesTo(email)).hasSize(1);
    }

    @Test
    void aRoleOnlyANewerTenantServiceKnowsIsNamedAsMembership() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID invitation = UUID.randomUUID();
        String email = "sommelier-" + UUID.randomUUID() + "@bistro.example";

        publish("tenant.events", new MemberInvited(invitation, tenant, "Brasserie Neuf", email, "SOMMELIER",
                UUID.randomUUID().toString(), Instant.now()), tenant, invitation);

        assertThat((String) awaitOneTo(email).getContent()).contains("join Brasserie Neuf on urop as a member");
    }
}
