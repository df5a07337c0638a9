package io.urop.tenant.invitation;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.urop.tenant.TenantScope;
import io.urop.web.Paged;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InvitationController {

    private final StaffInvitations invitations;

    InvitationController(StaffInvitations invitations) {
        this.invitations = invitations;
    }

    /** Owners invite anyone; managers invite staff and kitchen to their own locations. 409 if already invited or working here. */
    @PostMapping("/api/v1/tenants/{tenantId}/invitations")
    ResponseEntity<InvitationResponse> invite(@PathVariable UUID tenantId, @Valid @RequestBody InvitationRequest request,
            HttpServletRequest http) {
        InvitationResponse invitation = invitations.invite(TenantScope.require(tenantId), request, http.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId + "/invitations/" + invitation.id()))
                .body(invitation);
    }

    @GetMapping("/api/v1/tenants/{tenantId}/invitations")
    Paged<InvitationResponse> list(@PathVariable UUID tenantId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Paged.DEFAULT_SIZE) @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return invitations.list(TenantScope.require(tenantId), page, size);
    }

    /** Withdraws a pending invitation: its link stops working. */
    @DeleteMapping("/api/v1/tenants/{tenantId}/invitations/{invitationId}")
    ResponseEntity<Void> revoke(@PathVariable UUID tenantId, @PathVariable UUID invitationId, HttpServletRequest http) {
        invitations.revoke(TenantScope.require(tenantId), invitationId, http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    /**
     * Public: the invited person chooses their name and password and becomes a member (201). An unknown or
     * forged token answers 404, an expired, used or withdrawn one 410, a person who already has an account 409.
     */
    @PostMapping("/api/v1/invitations/{token}/acceptance")
    ResponseEntity<Map<String, Object>> accept(@PathVariable String token, @Valid @RequestBody AcceptanceRequest request,
            HttpServletRequest http) {
        StaffInvitations.Accepted accepted = invitations.accept(token, request, http.getRemoteAddr());
        return ResponseEntity.status(201).body(Map.of("tenantId", accepted.tenantId(), "memberId", accepted.memberId(),
                "email", accepted.email(), "role", accepted.role()));
    }
}
