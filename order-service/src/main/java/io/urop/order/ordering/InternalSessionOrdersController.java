package io.urop.order.ordering;

import java.util.List;
import java.util.UUID;

import io.urop.tenancy.TenantContext;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A table session's orders as its diners see them, for notification-service alone (its client-credentials token): a
 * phone that missed more pushes than its stream still holds starts again from these.
 */
@RestController
@PreAuthorize("hasRole('SERVICE') and authentication.name == 'notification-service'")
class InternalSessionOrdersController {

    private final Ordering ordering;

    InternalSessionOrdersController(Ordering ordering) {
        this.ordering = ordering;
    }

    @GetMapping("/internal/v1/tenants/{tenantId}/table-sessions/{tableSessionId}/orders")
    List<OrderView> orders(@PathVariable UUID tenantId, @PathVariable UUID tableSessionId) {
        return TenantContext.callAs(tenantId, () -> ordering.ordersOfSession(tableSessionId));
    }
}
