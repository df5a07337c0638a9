package io.urop.notification.email;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.urop.events.auth.SignupAttempted;
import io.urop.messaging.inbox.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Tells the owner of an address that someone tried to sign a restaurant up with it ({@code auth.signup-attempted}).
 * The sign-up answered as any other, so this email is the only place where an existing account shows, and only to
 * the address's own owner. Each event once.
 */
@Component
class SignupAttemptedEmails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter
            .ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Inbox inbox;
    private final Mailer mailer;
    private final EmailProperties properties;

    SignupAttemptedEmails(Inbox inbox, Mailer mailer, EmailProperties properties) {
        this.inbox = inbox;
        this.mailer = mailer;
        this.properties = properties;
    }

    @KafkaListener(topics = "auth.events")
    void on(String message) {
        inbox.process(message, "email-signup-attempted", SignupAttempted.class, attempt -> mailer.send(email(attempt)));
    }

    Email email(SignupAttempted attempt) {
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
