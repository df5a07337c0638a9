package io.urop.notification.socket;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/** Opens a socket only for a ticket that is redeemed now, once; anything else is 401 problem+json. */
@Component
class TicketHandshake implements HandshakeInterceptor {

    private static final byte[] REFUSED = """
            {"type":"about:blank","title":"Unauthorized","status":401,\
            "detail":"The ticket is unknown, used or expired: ask for another at /api/v1/notifications/ws-tickets"}\
            """.getBytes(StandardCharsets.UTF_8);

    private final WsTickets tickets;

    TicketHandshake(WsTickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) throws Exception {
        String ticket = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("ticket");
        Optional<Viewer> viewer = tickets.redeem(ticket);
        if (viewer.isEmpty()) {
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.getBody().write(REFUSED);
            return false;
        }
        attributes.put(PushSocketHandler.VIEWER, viewer.get());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
    }
}
