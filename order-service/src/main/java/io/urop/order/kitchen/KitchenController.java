package io.urop.order.kitchen;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import io.urop.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The kitchen's screens and what it does on them: bump, recall, fire a held course. */
@RestController
@RequestMapping("/api/v1/kitchen")
class KitchenController {

    private final Kitchen kitchen;

    KitchenController(Kitchen kitchen) {
        this.kitchen = kitchen;
    }

    /** A station's open tickets, oldest first. */
    @GetMapping("/tickets")
    List<TicketView> station(@RequestParam UUID locationId, @RequestParam @NotBlank String station) {
        return kitchen.station(CurrentUser.require(), locationId, station);
    }

    /** What the station bumped within the recall window, newest first. */
    @GetMapping("/tickets/recently-bumped")
    List<TicketView> recentlyBumped(@RequestParam UUID locationId, @RequestParam @NotBlank String station) {
        return kitchen.recentlyBumped(CurrentUser.require(), locationId, station);
    }

    /** Tickets held back: later courses to fire, table sessions to approve. */
    @GetMapping("/tickets/held")
    List<TicketView> held(@RequestParam UUID locationId) {
        return kitchen.held(CurrentUser.require(), locationId);
    }

    /** Every order not yet served, with its tickets across stations. */
    @GetMapping("/expeditor")
    List<TicketView.OrderTickets> expeditor(@RequestParam UUID locationId) {
        return kitchen.expeditor(CurrentUser.require(), locationId);
    }

    @PostMapping("/tickets/{ticketId}/bump")
    TicketView bump(@PathVariable UUID ticketId) {
        return kitchen.bump(CurrentUser.require(), ticketId);
    }

    @PostMapping("/tickets/{ticketId}/items/{lineId}/bump")
    TicketView bumpItem(@PathVariable UUID ticketId, @PathVariable UUID lineId) {
        return kitchen.bumpItem(CurrentUser.require(), ticketId, lineId);
    }

    @PostMapping("/tickets/{ticketId}/recall")
    TicketView recall(@PathVariable UUID ticketId) {
        return kitchen.recall(CurrentUser.require(), ticketId);
    }

    /** Fires an order's held course (2 for mains after starters...). */
    @PostMapping("/orders/{orderId}/courses/{course}/fire")
    List<TicketView> fireCourse(@PathVariable UUID orderId, @PathVariable @Min(1) @Max(9) int course) {
        return kitchen.fireCourse(CurrentUser.require(), orderId, course);
    }
}
