package io.urop.notification.socket;

import io.urop.notification.push.PushProperties;
import io.urop.security.VerifiedToken;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Trades a staff member's or a diner's access token for a ticket that opens one socket at {@code /ws}. */
@RestController
class WsTicketController {

    private final WsTickets tickets;
    private final PushProperties properties;

    WsTicketController(WsTickets tickets, PushProperties properties) {
        this.tickets = tickets;
        this.properties = properties;
    }

    @PostMapping("/api/v1/notifications/ws-tickets")
    @ResponseStatus(HttpStatus.CREATED)
    WsTicket ticket(@AuthenticationPrincipal VerifiedToken token) {
        String ticket = tickets.issue(Viewer.of(token));
        return new WsTicket(ticket, "/ws?ticket=" + ticket, properties.ticketLifetime().toSeconds());
    }

    /** @param path where to open the socket, relative to the gateway */
    record WsTicket(String ticket, String path, long expiresIn) {
    }
}
