package io.urop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.urop.events.EventCodec;
import io.urop.events.auth.SignupAttempted;
import io.urop.infra.SmtpServer;
import io.urop.test.ServiceIntegrationTest;
import io.urop.test.TestInfrastructure;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

@ServiceIntegrationTest
class SignupAttemptedEmailsTest {

    private final SmtpServer smtp = TestInfrastructure.get().smtp();

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventCodec codec;

    @Test
    void theOwnerOfAnAddressLearnsOnceThatSomeoneTriedToSignUpWithIt() throws Exception {
        String email = "owner-" + UUID.randomUUID() + "@bistro.example";
        String event = attempt(email, true, Instant.parse("2026-03-14T18:05:00Z"));

        kafka.send("auth.events", UUID.randomUUID().toString(), event);
        kafka.send("auth.events", UUID.randomUUID().toString(), event);

        MimeMessage received = awaitOneTo(email);
        assertThat(received.getSubject()).isEqualTo("Someone tried to sign up with your email address");
        assertThat(received.getFrom()[0].toString()).isEqualTo("urop <no-reply@urop.localhost>");
        assertThat((String) received.getContent())
                .contains(email, "14 March 2026 at 18:05 UTC", "nothing was created", "http://localhost:8080/admin/",
                        "Forgot your password?");
        Thread.sleep(1000); // the second delivery of the same event had time to arrive, and sent nothing
        assertThat(messagesTo(email)).hasSize(1);
    }

    @Test
    void aClosedAccountsAddressIsToldThatTheAccountCannotSignIn() throws Exception {
        String email = "former-" + UUID.randomUUID() + "@bistro.example";

        kafka.send("auth.events", UUID.randomUUID().toString(), attempt(email, false, Instant.now()));

        assertThat((String) awaitOneTo(email).getContent())
                .contains("was closed", "ask its owner to invite you")
                .doesNotContain("sign in at");
    }

    private String attempt(String email, boolean active, Instant when) {
        UUID account = UUID.randomUUID();
        UUID tenant = UUID.randomUUID();
        return codec.encode(codec.envelope(new SignupAttempted(account, tenant, email, active, when), tenant,
                account.toString(), null));
    }

    private MimeMessage awaitOneTo(String email) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !messagesTo(email).isEmpty());
        return messagesTo(email).get(0);
    }

    private List<MimeMessage> messagesTo(String email) {
        return smtp.receivedMessages().stream().filter(message -> {
            try {
                return message.getRecipients(Message.RecipientType.TO)[0].toString().equals(email);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
