package io.urop.tenant.signup;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import io.urop.events.Uuid7;
import io.urop.tenancy.TenantContext;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SignupController {

    private final Signup signup;

    SignupController(Signup signup) {
        this.signup = signup;
    }

    /**
     * Public: 201 with the new tenant; 409 if the slug is taken; 400 for bad input. An owner's email that already
     * has an account answers 201 alike, but nothing is kept and that address is told by email.
     */
    @PostMapping("/api/v1/signup")
    ResponseEntity<SignupResponse> signUp(@Valid @RequestBody SignupRequest request) {
        UUID tenantId = Uuid7.next();
        SignupResponse created = TenantContext.callAs(tenantId,
                () -> signup.signUp(tenantId, Uuid7.next(), Uuid7.next(), request));
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId)).body(created);
    }
}
