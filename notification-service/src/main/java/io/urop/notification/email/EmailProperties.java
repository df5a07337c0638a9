package io.urop.notification.email;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every email the platform sends shares ({@code urop.notification.email.*}).
 *
 * @param from        the sender, as a mailbox ({@code urop <no-reply@example.com>})
 * @param staffAppUrl where staff sign in, and ask for a new password when they forgot theirs
 */
@ConfigurationProperties("urop.notification.email")
record EmailProperties(@DefaultValue("urop <no-reply@urop.localhost>") String from,
        @DefaultValue("http://localhost:8080/admin/") URI staffAppUrl) {
}
