package io.urop.auth.account;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import io.urop.auth.ClientInfo;
import io.urop.security.CurrentUser;
import io.urop.tenancy.TenantContext;
import io.urop.web.ConflictException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account changes other services make for a person, under {@code /internal} (the gateway routes none of
 * it) and only with tenant-service's client-credentials token: no other client may create or change
 * accounts. The tenant comes from tenant-service, which took it from the verified token of the person
 * it acts for, or from an invitation it signed.
 */
@RestController
@PreAuthorize("hasRole('SERVICE') and authentication.name == 'tenant-service'")
class InternalAccountController {

    private final AccountRegistry registry;
    private final SignupNotices signupNotices;

    InternalAccountController(AccountRegistry registry, SignupNotices signupNotices) {
        this.registry = registry;
        this.signupNotices = signupNotices;
    }

    /**
     * 201 when created, 200 when this very account exists already (a retry), 409 when the email is taken; then, for
     * a {@code selfSignup}, that address is also told by email.
     */
    @PostMapping("/internal/v1/accounts")
    ResponseEntity<Map<String, UUID>> create(@Valid @RequestBody NewAccountRequest request, HttpServletRequest http) {
        boolean created;
        try {
            created = TenantContext.callAs(request.tenantId(),
                    () -> registry.create(request, CurrentUser.require().subject(), ClientInfo.of(http)));
        }
        catch (ConflictException taken) {
            if (request.selfSignup()) {
                signupNotices.signupAttempted(request.email());
            }
            throw taken;
        }
        Map<String, UUID> body = Map.of("id", request.id());
        return created ? ResponseEntity.created(URI.create("/internal/v1/accounts/" + request.id())).body(body)
                : ResponseEntity.ok(body);
    }

    /** New roles and location limits; the account's sessions end, so its people sign in again with them. */
    @PutMapping("/internal/v1/accounts/{accountId}/access")
    ResponseEntity<Void> changeAccess(@PathVariable UUID accountId, @Valid @RequestBody AccessChange change,
            HttpServletRequest http) {
        TenantContext.runAs(change.tenantId(), () -> registry.changeAccess(accountId, change,
                CurrentUser.require().subject(), ClientInfo.of(http)));
        return ResponseEntity.noContent().build();
    }

    /** Deactivates the account and revokes its sessions: its access tokens are refused at the gateway at once. */
    @PostMapping("/internal/v1/accounts/{accountId}/deactivation")
    ResponseEntity<Void> deactivate(@PathVariable UUID accountId, @RequestParam UUID tenantId, HttpServletRequest http) {
        TenantContext.runAs(tenantId, () -> registry.deactivate(accountId, CurrentUser.require().subject(),
                ClientInfo.of(http)));
        return ResponseEntity.noContent().build();
    }
}
