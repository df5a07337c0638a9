package io.urop.auth.keys;

import java.time.Duration;
import java.util.Map;

import io.urop.contracts.AuthEndpoints;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys every verifier (gateway, services) checks access tokens against. */
@RestController
class JwksController {

    private final KeyRing keys;

    JwksController(KeyRing keys) {
        this.keys = keys;
    }

    @GetMapping(AuthEndpoints.JWKS)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.publishedKeys().toJSONObject(true));
    }
}
