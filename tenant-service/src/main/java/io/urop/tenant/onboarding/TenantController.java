package io.urop.tenant.onboarding;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import io.urop.events.Uuid7;
import io.urop.tenancy.TenantContext;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tenants")
class TenantController {

    private final TenantOnboarding onboarding;

    TenantController(TenantOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    @PostMapping
    ResponseEntity<TenantResponse> create(@Valid @RequestBody NewTenantRequest request) {
        UUID id = Uuid7.next();
        TenantResponse created = TenantContext.callAs(id, () -> onboarding.onboard(id, request));
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + id)).body(created);
    }
}
