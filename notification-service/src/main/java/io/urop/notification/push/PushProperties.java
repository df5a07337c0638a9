package io.urop.notification.push;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How pushes are kept and sockets looked after ({@code urop.notification.push.*}).
 *
 * @param streamLength   about how many pushes a stream keeps for clients that reconnect; one further behind resyncs
 * @param streamIdle     how long a stream nobody pushes to is kept (a table session's, after it ended)
 * @param ticketLifetime how long a WebSocket ticket may wait to be used, once
 * @param heartbeat      how often an idle socket is pinged, so that proxies keep it open
 * @param checks         how often sockets are checked for a token that expired or a session that was revoked
 * @param silence        how long a client may leave the heartbeat's pings unanswered before its socket is closed
 */
@ConfigurationProperties("urop.notification.push")
public record PushProperties(@DefaultValue("10000") int streamLength, @DefaultValue("24h") Duration streamIdle,
        @DefaultValue("30s") Duration ticketLifetime, @DefaultValue("20s") Duration heartbeat,
        @DefaultValue("2s") Duration checks, @DefaultValue("60s") Duration silence) {
}
