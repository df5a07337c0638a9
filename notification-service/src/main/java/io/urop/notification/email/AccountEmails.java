package io.urop.notification.email;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.urop.client.ServiceClient;
import io.urop.client.ServiceClients;
import io.urop.events.auth.PasswordResetRequested;
import io.urop.events.auth.SignupAttempted;
import io.urop.messaging.inbox.Inbox;

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
    private final Mailer mailer;
    private final EmailProperties properties;
    private final ServiceClient auth;

    AccountEmails(Inbox inbox, Mailer mailer, EmailProperties properties, ServiceClients clients) {
        this.inbox = inbox;
        this.mailer = mailer;
        this.properties = properties;
        this.auth = clients.client("auth-service");
    }

    // one listener per topic: listeners of one group on one topic would share its partitions, each seeing a part
    @KafkaListener(topics = "auth.events")
    void on(String message) {
        inbox.process(message, "email-password-reset", PasswordResetRequested.class,
                reset -> EmailedLink.of(auth, RESET_LINK, reset.tenantId(), reset.resetId())
                        .ifPresent(link -> mailer.send(resetEmail(reset, link))));
        inbox.process(message, "email-signup-attempted", SignupAttempted.class,
                attempt -> mailer.send(signupAttemptedEmail(attempt)));
    }

    Email resetEmail(PasswordResetRequested reset, EmailedLink link) {
        return new Email(reset.email(), "Set a new password for urop", """
                Hello,

                Someone asked to set a new password for the urop account of this email address (%s). To choose \
                one, open this link before %s:

                %s

                If it was not you, you need not do anything: your password stays as it is, and the link works \
                once only.
                """.formatted(reset.email(), WHEN.format(link.expiresAt()), link.url()));
    }

    Email signupAttemptedEmail(SignupAttempted attempt) {
        String opening = """
                Hello,

                Someone tried to sign a restaurant up on urop with this email address (%s) on %s. \
                An account already uses this address, so nothing was created and nothing was changed.
                """.formatted(attempt.email(), WHEN.format(attempt.attemptedAt()));
        String next = attempt.accountActive() ? """

                If it was you, sign in at %s. If you have forgotten your password, choose \
                "Forgot your password?" there to set a new one.

                If it was not you, you need not do anything: nobody can use your account without your password.
                """.formatted(properties.staffAppUrl()) : """

                The account that used this address was closed, so it cannot sign in. To work for a restaurant \
                on urop again, ask its owner to invite you; to sign a restaurant up, use another email address.

                If it was not you, you need not do anything.
                """;
        return new Email(attempt.email(), "Someone tried to sign up with your email address", opening + next);
    }
}
