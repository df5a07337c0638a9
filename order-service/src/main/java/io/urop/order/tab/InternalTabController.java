package io.urop.order.tab;

import java.util.UUID;

import io.urop.tenancy.TenantContext;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A table session's tab with the lines of its orders, for payment-service alone (its client-credentials token): a
 * diner who pays its share of the bill by items picks them from these lines.
 */
@RestController
@PreAuthorize("hasRole('SERVICE') and authentication.name == 'payment-service'")
class InternalTabController {

    private final TabKeeping keeping;

    InternalTabController(TabKeeping keeping) {
        this.keeping = keeping;
    }

    @GetMapping("/internal/v1/tenants/{tenantId}/tabs/{tableSessionId}")
    TabView tab(@PathVariable UUID tenantId, @PathVariable UUID tableSessionId) {
        return TenantContext.callAs(tenantId, () -> keeping.tabOfSession(tableSessionId));
    }
}
