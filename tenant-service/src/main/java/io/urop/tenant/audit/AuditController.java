package io.urop.tenant.audit;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.urop.audit.AuditEvent;
import io.urop.audit.AuditLog;
import io.urop.contracts.Role;
import io.urop.tenant.TenantScope;
import io.urop.web.Paged;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** Owners only: invitations, role changes and deactivations in this tenant, newest first. */
    @GetMapping("/api/v1/tenants/{tenantId}/audit-events")
    Paged<AuditEvent> list(@PathVariable UUID tenantId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Paged.DEFAULT_SIZE) @Min(1) @Max(Paged.MAX_SIZE) int size) {
        if (!TenantScope.require(tenantId).hasRole(Role.OWNER)) {
            throw new AccessDeniedException("Only owners read the audit trail");
        }
        return audit.page(page, size);
    }
}
