package io.urop.order.kitchen;

import java.util.List;
import java.util.UUID;

import io.urop.tenancy.TenantContext;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The kitchen's screens as they are now, for notification-service alone (its client-credentials token): a screen
 * that missed more pushes than its stream still holds starts again from these.
 */
@RestController
@PreAuthorize("hasRole('SERVICE') and authentication.name == 'notification-service'")
class InternalKitchenController {

    private final Kitchen kitchen;

    InternalKitchenController(Kitchen kitchen) {
        this.kitchen = kitchen;
    }

    @GetMapping("/internal/v1/tenants/{tenantId}/kitchen/stations/{station}/tickets")
    List<TicketView> openTickets(@PathVariable UUID tenantId, @PathVariable String station,
            @RequestParam UUID locationId) {
        return TenantContext.callAs(tenantId, () -> kitchen.openTickets(locationId, station));
    }

    @GetMapping("/internal/v1/tenants/{tenantId}/kitchen/expeditor")
    List<TicketView.OrderTickets> expeditor(@PathVariable UUID tenantId, @RequestParam UUID locationId) {
        return TenantContext.callAs(tenantId, () -> kitchen.ordersInTheKitchen(locationId));
    }
}
