package io.urop.security;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import io.urop.web.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The 400, 401 and 403 answers, as {@code application/problem+json} like every other error of the
 * platform. A 401 never says why a token was refused. Written by the security filter chain (before
 * Spring MVC) and by {@link SecurityExceptionAdvice} (method security, inside Spring MVC) alike. The 400 is
 * the firewall's refusal of a path written to mean two things ({@code ..}, {@code ;}, {@code //}, encoded
 * {@code /}, {@code .}, {@code %} or {@code \}...), before any security rule could be matched against it.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    /** RFC 6750: a refused token is {@code invalid_token}; a request without any token gets no error code. */
    static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";
    static final String TOKEN_REQUIRED_CHALLENGE = "Bearer";

    static final String TOKEN_REQUIRED = "a bearer access token is required";
    static final String DENIED = "not allowed for the roles of this access token";
    static final String REJECTED = "the request path or headers are not allowed";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean tokenRefused = e instanceof OAuth2AuthenticationException;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenRefused ? INVALID_TOKEN_CHALLENGE : TOKEN_REQUIRED_CHALLENGE);
        write(request, response, unauthorized(tokenRefused));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, forbidden());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(request, response, problem(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, "Bad request", REJECTED));
    }

    static ProblemDetail unauthorized(boolean tokenRefused) {
        return problem(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized",
                tokenRefused ? AccessTokenAuthenticationManager.REFUSED : TOKEN_REQUIRED);
    }

    static ProblemDetail forbidden() {
        return problem(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden", DENIED);
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(body));
        response.flushBuffer();
    }
}
