package io.urop.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Method security ({@code @PreAuthorize}) denies inside Spring MVC, where libs/web's catch-all
 * {@code @ExceptionHandler(Exception.class)} would otherwise turn the denial into a 500. Ordered
 * first, and handling only security exceptions, it answers them as the filter chain would.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityExceptionAdvice {

    private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        if (!trustResolver.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
            return tokenRequired();
        }
        return ResponseEntity.status(403).body(SecurityProblems.forbidden());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> notAuthenticated(AuthenticationException e) {
        return tokenRequired();
    }

    private static ResponseEntity<ProblemDetail> tokenRequired() {
        return ResponseEntity.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, SecurityProblems.TOKEN_REQUIRED_CHALLENGE)
                .body(SecurityProblems.unauthorized(false));
    }
}
