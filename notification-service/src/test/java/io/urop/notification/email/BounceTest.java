package io.urop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.urop.contracts.Role;
import io.urop.events.auth.PasswordResetRequested;
import io.urop.notification.NotificationServiceTest;
import io.urop.test.tokens.TestTokens;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * An email accepted by the relay and bounced later by the recipient's server: the report that comes back to the
 * envelope sender's mailbox, as a remote server sends it, marks the delivery bounced and keeps the address from
 * being emailed again.
 */
class BounceTest extends NotificationServiceTest {

    private final UUID tenant = UUID.randomUUID();
    private final UUID account = UUID.randomUUID();

    @Autowired
    private RestTestClient http;

    @Test
    void anAddressWhoseEmailBouncedIsMarkedAndNeverEmailedAgain() throws Exception {
        String gone = "left-" + UUID.randomUUID() + "@bistro.example";
        publish("auth.events", new PasswordResetRequested(UUID.randomUUID(), account, tenant, gone, Instant.now()),
                tenant, account);
        MimeMessage sent = awaitOneTo(gone);
        assertThat(sent.getHeader("Return-Path", null)).as("bounces come back to the platform").contains(BOUNCES);

        bounce(sent.getMessageID(), gone, "5.1.1", "smtp; 550 5.1.1 <" + gone + ">: user unknown");
        // a report of an email the platform never sent, and a delay notice, change nothing
        bounce("<" + UUID.randomUUID() + "@elsewhere.example>", gone, "5.1.1", "smtp; 550 unknown");
        bounce(sent.getMessageID(), "other-" + gone, "4.2.2", "smtp; 452 mailbox full");

        await().atMost(Duration.ofSeconds(30)).until(() -> statusesOf(gone).contains("BOUNCED"));
        assertThat(JsonPath.<List<String>>read(log(), "$.items[?(@.recipient == '" + gone + "')].lastError").get(0))
                .contains("5.1.1", "user unknown");
        publish("auth.events", new PasswordResetRequested(UUID.randomUUID(), account, tenant, gone, Instant.now()),
                tenant, account);
        await().atMost(Duration.ofSeconds(30)).until(() -> statusesOf(gone).size() == 2);
        assertThat(statusesOf(gone)).containsExactly("SUPPRESSED", "BOUNCED");
        assertThat(messagesTo(gone)).hasSize(1);
    }

    /** A delivery-status notification (RFC 3464) for {@code messageId}, sent to the envelope sender. */
    private void bounce(String messageId, String recipient, String status, String diagnostic) throws Exception {
        Properties settings = new Properties();
        settings.put("mail.smtp.host", smtp.host());
        settings.put("mail.smtp.port", Integer.toString(smtp.port()));
        Session session = Session.getInstance(settings);
        MimeMessage report = new MimeMessage(session);
        report.setFrom(new InternetAddress("MAILER-DAEMON@mx.bistro.example"));
        report.setRecipient(Message.RecipientType.TO, new InternetAddress(BOUNCES));
        report.setSubject("Undelivered Mail Returned to Sender");
        MimeMultipart parts = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("Your message could not be delivered to one or more recipients.");
        parts.addBodyPart(human);
        MimeBodyPart machine = new MimeBodyPart();
        machine.setDataHandler(new DataHandler(new ByteArrayDataSource("""
                Reporting-MTA: dns; mx.bistro.example
                Arrival-Date: Sun, 6 Dec 2026 19:40:00 +0000

                Final-Recipient: rfc822; %s
                Original-Recipient: rfc822;%s
                Action: %s
                Status: %s
                Remote-MTA: dns; mx.bistro.example
                Diagnostic-Code: %s
                """.formatted(recipient, recipient, status.startsWith("5") ? "failed" : "delayed", status,
                diagnostic), "message/delivery-status")));
        parts.addBodyPart(machine);
        MimeBodyPart headers = new MimeBodyPart();
        headers.setDataHandler(new DataHandler(new ByteArrayDataSource("""
                From: urop <no-reply@urop.localhost>
                To: %s
                Subject: Set a new password for urop
                Message-ID: %s
                """.formatted(recipient, messageId), "text/rfc822-headers")));
        parts.addBodyPart(headers);
        report.setContent(parts);
        Transport.send(report);
    }

    private List<String> statusesOf(String recipient) {
        return JsonPath.read(log(), "$.items[?(@.recipient == '" + recipient + "')].status");
    }

    private String log() {
        return http.get().uri("/api/v1/notifications/deliveries")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.user(tenant, Role.OWNER).sign())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
