package io.urop.auth.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import io.urop.auth.ClientInfo;
import io.urop.auth.session.TokenResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {

    private final Login login;

    LoginController(Login login) {
        this.login = login;
    }

    /** Signs in with email and password; 401 problem+json, always alike, when that does not work. */
    @PostMapping("/api/v1/auth/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(login.login(request, ClientInfo.of(http)));
    }
}
