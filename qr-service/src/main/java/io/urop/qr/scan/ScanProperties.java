package io.urop.qr.scan;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scans and table sessions ({@code urop.qr.scan.*}).
 *
 * @param dinerAppUrl where a scan sends the phone: the customer app's table page, given the session in its query and
 *                    the diner's token in its fragment (which browsers never send to a server)
 * @param sessionIdle how long a table session lives after its last scan, if staff do not close it before
 */
@ConfigurationProperties("urop.qr.scan")
public record ScanProperties(
        @DefaultValue("http://localhost:8080/table") URI dinerAppUrl,
        @DefaultValue("3h") Duration sessionIdle) {
}
