package io.urop.notification.email;

import java.io.IOException;
import java.util.Optional;
import java.util.Properties;

import io.urop.notification.delivery.Deliveries;
import io.urop.tenancy.RecurringJob;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Reads the bounce mailbox ({@link EmailProperties.Bounces}) every interval: each delivery-status notification of one
 * of the platform's emails records the recipients it failed for good as refused ({@link Deliveries#bounced}), so that
 * no email is sent to them again; every message read is deleted, a bounce or not, readable or not (the mailbox is the
 * platform's alone). Idle when no mailbox is set.
 */
@Component
class BounceReader extends RecurringJob {

    private static final Logger log = LoggerFactory.getLogger(BounceReader.class);

    private final EmailProperties.Bounces mailbox;
    private final Deliveries deliveries;

    BounceReader(EmailProperties properties, Deliveries deliveries) {
        super("reading of bounces", properties.bounces().interval(), properties.bounces().interval());
        this.mailbox = properties.bounces();
        this.deliveries = deliveries;
    }

    @Override
    protected void runRound() {
        if (!mailbox.read()) {
            return;
        }
        Properties settings = new Properties();
        settings.put("mail." + mailbox.protocol() + ".connectiontimeout", "5000");
        settings.put("mail." + mailbox.protocol() + ".timeout", "10000");
        try (Store store = Session.getInstance(settings).getStore(mailbox.protocol())) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            int bounces = 0;
            for (Message message : inbox.getMessages()) {
                bounces += read((MimeMessage) message) ? 1 : 0;
                message.setFlag(Flags.Flag.DELETED, true);
            }
            inbox.close(true);
            if (bounces > 0) {
                log.info("Read {} bounce(s) from the bounce mailbox", bounces);
            }
        }
        catch (MessagingException e) {
            log.warn("Could not read the bounce mailbox {}; trying again in {}: {}", mailbox.address(),
                    mailbox.interval(), e.toString());
        }
    }

    /** Whether the message was a bounce of ours; one that cannot be parsed is not, and is deleted all the same. */
    private boolean read(MimeMessage message) {
        try {
            Optional<BouncedEmail> bounce = BouncedEmail.of(message);
            bounce.ifPresent(bounced -> bounced.failures().forEach(failure -> deliveries.bounced(
                    bounced.tenantId(), bounced.messageId(), failure.recipient(), failure.reason())));
            return bounce.isPresent();
        }
        catch (MessagingException | IOException | RuntimeException e) {
            log.warn("Deleted a message of the bounce mailbox that could not be read as a bounce: {}", e.toString());
            return false;
        }
    }
}
