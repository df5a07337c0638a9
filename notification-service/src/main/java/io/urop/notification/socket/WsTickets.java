package io.urop.notification.socket;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import io.urop.notification.push.PushProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Short-lived, single-use tickets that open a socket: a browser cannot send its access token on a WebSocket, so it
 * trades the token for a ticket first and opens {@code /ws?ticket=...}. A ticket is 32 random bytes kept in Redis
 * (any instance may redeem it) for {@link PushProperties#ticketLifetime()}, and taken out as it is redeemed, so it
 * opens one socket at most.
 */
@Component
class WsTickets {

    private static final String KEY = "urop:notification:ws-ticket:";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final PushProperties properties;

    WsTickets(StringRedisTemplate redis, JsonMapper json, PushProperties properties) {
        this.redis = redis;
        this.json = json;
        this.properties = properties;
    }

    String issue(Viewer viewer) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        redis.opsForValue().set(KEY + ticket, json.writeValueAsString(viewer), properties.ticketLifetime());
        return ticket;
    }

    /** The viewer the ticket was issued to, once; nothing for an unknown, used or expired ticket. */
    Optional<Viewer> redeem(String ticket) {
        if (ticket == null || !ticket.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.opsForValue().getAndDelete(KEY + ticket))
                .map(viewer -> json.readValue(viewer, Viewer.class));
    }
}
