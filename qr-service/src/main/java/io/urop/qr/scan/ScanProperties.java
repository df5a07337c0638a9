package io.urop.qr.scan;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scans and table sessions ({@code urop.qr.scan.*}).
 *
 * @param dinerAppUrl          where a scan sends the phone: the customer app's table page, given the session in its
 *                             query and the diner's token in its fragment (which browsers never send to a server)
 * @param sessionIdle          how long a table session lives after it was last used (a scan, a diner reading it), if
 *                             nothing ends it before
 * @param sessionMaxLife       how long a table session lives at most, however busy: then it ends as if staff closed
 *                             it, and its diners' tokens with it. Longer than the longest sitting; it is what a
 *                             photograph of a table's code is worth to someone who left
 * @param maxGuestsPerTable    how many phones a session seats for each of its tables: beyond, a new phone's scan is
 *                             refused (409) until staff close the session; a phone already seated still rescans
 * @param overdueSessionsCheck how often qr-service looks for sessions that reached their maximum life unused
 */
@ConfigurationProperties("urop.qr.scan")
public record ScanProperties(
        @DefaultValue("http://localhost:8080/table") URI dinerAppUrl,
        @DefaultValue("3h") Duration sessionIdle,
        @DefaultValue("8h") Duration sessionMaxLife,
        @DefaultValue("20") int maxGuestsPerTable,
        @DefaultValue("1m") Duration overdueSessionsCheck) {

    public ScanProperties {
        if (!positive(sessionIdle) || !positive(sessionMaxLife) || !positive(overdueSessionsCheck)) {
            throw new IllegalArgumentException("urop.qr.scan: session-idle, session-max-life and "
                    + "overdue-sessions-check must be positive");
        }
        if (maxGuestsPerTable < 1) {
            throw new IllegalArgumentException("urop.qr.scan.max-guests-per-table must be at least 1, not "
                    + maxGuestsPerTable);
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
