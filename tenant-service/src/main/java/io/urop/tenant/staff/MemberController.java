package io.urop.tenant.staff;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.urop.tenant.TenantScope;
import io.urop.web.Paged;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/members")
class MemberController {

    private final StaffDirectory staff;

    MemberController(StaffDirectory staff) {
        this.staff = staff;
    }

    @GetMapping
    Paged<MemberResponse> list(@PathVariable UUID tenantId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Paged.DEFAULT_SIZE) @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return staff.list(TenantScope.require(tenantId), page, size);
    }

    /** Owners only: a new role and location limits; the member's sessions end so that it applies at once. */
    @PutMapping("/{memberId}/access")
    MemberResponse changeAccess(@PathVariable UUID tenantId, @PathVariable UUID memberId,
            @Valid @RequestBody AccessRequest request, HttpServletRequest http) {
        return staff.changeAccess(TenantScope.require(tenantId), memberId, request, http.getRemoteAddr());
    }

    /** The member can no longer sign in, and their access tokens are refused at the gateway at once. */
    @PostMapping("/{memberId}/deactivation")
    ResponseEntity<Void> deactivate(@PathVariable UUID tenantId, @PathVariable UUID memberId, HttpServletRequest http) {
        staff.deactivate(TenantScope.require(tenantId), memberId, http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }
}
