package io.urop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.urop.events.auth.PasswordResetRequested;
import io.urop.events.auth.SignupAttempted;
import io.urop.notification.NotificationServiceTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

class AccountEmailsTest extends NotificationServiceTest {

    private final UUID tenant = UUID.randomUUID();
    private final UUID account = UUID.randomUUID();

    @Test
    void theOwnerOfAnAddressLearnsOnceThatSomeoneTriedToSignUpWithIt() throws Exception {
        String email = "owner-" + UUID.randomUUID() + "@bistro.example";
        SignupAttempted attempt = new SignupAttempted(account, tenant, email, true, Instant.parse("2026-03-14T18:05:00Z"));
        String event = codec.encode(codec.envelope(attempt, tenant, account.toString(), null));

        kafka.send("auth.events", account.toString(), event);
        kafka.send("auth.events", account.toString(), event);

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

        publish("auth.events", new SignupAttempted(account, tenant, email, false, Instant.now()), tenant, account);

        assertThat((String) awaitOneTo(email).getContent())
                .contains("was closed", "ask its owner to invite you")
                .doesNotContain("sign in at");
    }

    @Test
    void aPasswordResetIsEmailedWithTheLinkAuthServiceGivesAtThatMoment() throws Exception {
        UUID reset = UUID.randomUUID();
        String email = "cook-" + UUID.randomUUID() + "@bistro.example";

        publish("auth.events", new PasswordResetRequested(reset, account, tenant, email, Instant.now()), tenant, account);

        MimeMessage received = awaitOneTo(email);
        assertThat(received.getSubject()).isEqualTo("Set a new password for urop");
        assertThat((String) received.getContent()).contains(LinkIssuers.url(reset), "1 May 2026 at 09:30 UTC");
    }

    @Test
    void aResetThatAuthServiceCannotAnswerForNowIsEmailedOnceItCan() throws Exception {
        UUID reset = UUID.randomUUID();
        String email = "waiter-" + UUID.randomUUID() + "@bistro.example";
        LinkIssuers.INSTANCE.failNext(reset, 2);

        publish("auth.events", new PasswordResetRequested(reset, account, tenant, email, Instant.now()), tenant, account);

        assertThat((String) awaitOneTo(email).getContent()).contains(LinkIssuers.url(reset));
        assertThat(LinkIssuers.INSTANCE.asked(reset)).isEqualTo(3);
        assertThat(messagesTo(email)).hasSize(1);
    }

    @Test
    void aResetAlreadyUsedOrExpiredIsNotEmailed() {
        UUID spent = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        String email = "manager-" + UUID.randomUUID() + "@bistro.example";
        LinkIssuers.INSTANCE.spend(spent);

        publish("auth.events", new PasswordResetRequested(spent, account, tenant, email, Instant.now()), tenant, account);
        publish("auth.events", new PasswordResetRequested(later, account, tenant, email, Instant.now()), tenant, account);

        await().atMost(Duration.ofSeconds(30)).until(() -> !messagesTo(email).isEmpty());
        assertThat(messagesTo(email)).hasSize(1);
        assertThat(LinkIssuers.INSTANCE.asked(spent)).isEqualTo(1);
    }
}
