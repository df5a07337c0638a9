package io.urop.auth.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import io.urop.contracts.AuthEndpoints;
import io.urop.web.Problems;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 §4.4) for the fleet's services, with the client
 * authenticated by HTTP Basic. Not routed by the gateway: only services inside the cluster reach it.
 */
@RestController
class TokenEndpoint {

    private final ServiceClients clients;
    private final Clock clock;

    TokenEndpoint(ServiceClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @PostMapping(path = AuthEndpoints.TOKEN, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestParam("grant_type") String grantType,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!"client_credentials".equals(grantType)) {
            throw problem(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Unsupported grant type",
                    "Only grant_type=client_credentials is served here");
        }
        String[] credentials = basicCredentials(authorization);
        return clients.issue(credentials[0], credentials[1])
                .map(token -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.<String, Object>of(
                        "access_token", token.value(),
                        "token_type", "Bearer",
                        "expires_in", Duration.between(clock.instant(), token.expiresAt()).toSeconds())))
                .orElseThrow(TokenEndpoint::invalidClient);
    }

    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw invalidClient();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw invalidClient();
            }
            return new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
        }
        catch (IllegalArgumentException e) {
            throw invalidClient();
        }
    }

    private static ErrorResponseException invalidClient() {
        ErrorResponseException e = problem(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Invalid client",
                "The client id or secret is wrong");
        e.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"urop\"");
        return e;
    }

    private static ErrorResponseException problem(HttpStatus status, java.net.URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
