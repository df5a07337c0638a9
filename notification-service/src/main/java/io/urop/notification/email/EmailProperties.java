package io.urop.notification.email;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every email the platform sends shares ({@code urop.notification.email.*}).
 *
 * @param from        the sender, as a mailbox ({@code urop <no-reply@example.com>})
 * @param staffAppUrl where staff sign in, and ask for a new password when they forgot theirs
 * @param bounces     the mailbox that receives the bounces, and how to read it
 */
@ConfigurationProperties("urop.notification.email")
record EmailProperties(@DefaultValue("urop <no-reply@urop.localhost>") String from,
        @DefaultValue("http://localhost:8080/admin/") URI staffAppUrl, @DefaultValue Bounces bounces) {

    /**
     * The envelope sender of every email ({@code spring.mail.properties.mail.smtp.from} names it too), whose mailbox
     * receives the delivery-status notifications of the emails that bounced, read over IMAP.
     *
     * @param address  the mailbox; none means bounces are not read
     * @param protocol {@code imaps}, or {@code imap}
     */
    record Bounces(@DefaultValue("") String address, @DefaultValue("") String host, @DefaultValue("993") int port,
            @DefaultValue("imaps") String protocol, @DefaultValue("") String username,
            @DefaultValue("") String password, @DefaultValue("1m") Duration interval) {

        boolean read() {
            return !address.isBlank() && !host.isBlank();
        }
    }
}
