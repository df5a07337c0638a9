package io.urop.auth.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.urop.audit.AuditEvent;
import io.urop.audit.AuditLog;
import io.urop.web.Paged;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** Owners only: sign-ins (and failed ones), lock-outs, revoked sessions, account changes of their tenant. */
    @GetMapping("/api/v1/auth/audit-events")
    @PreAuthorize("hasRole('OWNER')")
    Paged<AuditEvent> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Paged.DEFAULT_SIZE) @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return audit.page(page, size);
    }
}
