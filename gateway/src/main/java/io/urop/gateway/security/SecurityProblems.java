package io.urop.gateway.security;

import java.time.Duration;

import io.urop.gateway.GatewayProperties;
import io.urop.gateway.problem.ProblemResponses;
import io.urop.gateway.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The answers to a request whose access token is missing or refused: 401
 * {@code application/problem+json} with an RFC 6750 {@code WWW-Authenticate: Bearer} challenge; the
 * detail says what to do, never why a token's signature or claims failed (that is logged at debug).
 * When the token cannot be judged (JWKS or the revoked-session list unreachable): 503 with
 * {@code Retry-After}.
 */
@Component
class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

    static final String TOKEN_REQUIRED = "An access token is required: send it as 'Authorization: Bearer <token>'";
    static final String TOKEN_REFUSED = "The access token is invalid or has expired";
    static final String SESSION_REVOKED = "The session of this access token was revoked; sign in again";

    private static final String CHALLENGE = "Bearer";
    private static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

    private final ProblemResponses problems;

    private final Duration retryAfter;

    SecurityProblems(ProblemResponses problems, GatewayProperties properties) {
        this.problems = problems;
        this.retryAfter = properties.retryAfter();
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException refusal) {
        String detail;
        String challenge = INVALID_TOKEN_CHALLENGE;
        if (refusal instanceof SessionRevokedException) {
            detail = SESSION_REVOKED;
        }
        else if (refusal instanceof OAuth2AuthenticationException) {
            log.debug("Access token refused for {}: {}", ProblemResponses.publicPath(exchange), refusal.getMessage());
            detail = TOKEN_REFUSED;
        }
        else {
            detail = TOKEN_REQUIRED;
            challenge = CHALLENGE;
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized", detail);
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException failure) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        if (failure instanceof VerificationUnavailableException) {
            log.warn("Access token not verifiable for {}: {} ({})", ProblemResponses.publicPath(exchange),
                    failure.getMessage(), failure.getCause() == null ? "" : failure.getCause().toString());
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                    "Service unavailable", "Access tokens cannot be verified right now; retry later", retryAfter);
        }
        return commence(exchange, failure);
    }
}
