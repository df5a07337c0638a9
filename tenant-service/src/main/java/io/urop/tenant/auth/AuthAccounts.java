package io.urop.tenant.auth;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.urop.contracts.Role;
import io.urop.security.ServiceTokens;
import io.urop.web.ConflictException;
import io.urop.web.NotFoundException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.ErrorResponseException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The accounts of tenant-service's people at auth-service: created at sign-up and when an invitation
 * is accepted, deactivated with the member. Calls are synchronous (the person is waiting), with a
 * timeout; when auth-service cannot answer, the caller gets 503 and nothing is saved.
 */
@Component
@EnableConfigurationProperties(AuthServiceProperties.class)
public class AuthAccounts {

    private final RestClient auth;
    private final ServiceTokens tokens;

    AuthAccounts(LoadBalancerClient loadBalancer, AuthServiceProperties properties, Clock clock) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.timeout());
        // its own load-balanced client: a @LoadBalanced RestClient.Builder bean would also be the Eureka client's
        this.auth = RestClient.builder().baseUrl(properties.url().toString()).requestFactory(requests)
                .requestInterceptor(new LoadBalancerInterceptor(loadBalancer)).build();
        this.tokens = new ServiceTokens(auth, properties.clientId(), properties.clientSecret(), clock);
    }

    /**
     * Creates the account; a retry with the same id is fine.
     *
     * @throws ConflictException if the email already belongs to an account
     * @throws AuthUnavailable if auth-service cannot be reached or fails
     */
    public void create(UUID accountId, UUID tenantId, String email, String password, Role role, Set<UUID> locationIds) {
        call(() -> auth.post().uri("/internal/v1/accounts")
                .headers(headers -> headers.setBearerAuth(tokens.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", accountId, "tenantId", tenantId, "email", email, "password", password,
                        "roles", Set.of(role), "locationIds", locationIds))
                .retrieve().toBodilessEntity());
    }

    /**
     * The owner's account of a public sign-up, which must not tell its caller whether the email has an account:
     * when it has, auth-service tells that address by email, and this answers false.
     *
     * @return true if created (or already created, by a retry), false if the email belongs to another account
     * @throws AuthUnavailable if auth-service cannot be reached or fails
     */
    public boolean createSignupOwner(UUID accountId, UUID tenantId, String email, String password) {
        try {
            call(() -> auth.post().uri("/internal/v1/accounts")
                    .headers(headers -> headers.setBearerAuth(tokens.token()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("id", accountId, "tenantId", tenantId, "email", email, "password", password,
                            "roles", Set.of(Role.OWNER), "locationIds", Set.of(), "selfSignup", true))
                    .retrieve().toBodilessEntity());
            return true;
        }
        catch (ConflictException taken) {
            return false;
        }
    }

    /** Gives the account a new role and location limits, and ends its sessions so that they apply at once. */
    public void changeAccess(UUID accountId, UUID tenantId, Role role, Set<UUID> locationIds) {
        call(() -> auth.put().uri("/internal/v1/accounts/{id}/access", accountId)
                .headers(headers -> headers.setBearerAuth(tokens.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("tenantId", tenantId, "roles", Set.of(role), "locationIds", locationIds))
                .retrieve().toBodilessEntity());
    }

    /** Deactivates the account and revokes its sessions at once. */
    public void deactivate(UUID accountId, UUID tenantId) {
        call(() -> auth.post().uri("/internal/v1/accounts/{id}/deactivation?tenantId={tenant}", accountId, tenantId)
                .headers(headers -> headers.setBearerAuth(tokens.token()))
                .retrieve().toBodilessEntity());
    }

    private void call(Runnable request) {
        try {
            request.run();
        }
        catch (HttpClientErrorException e) {
            HttpStatusCode status = e.getStatusCode();
            if (status.isSameCodeAs(HttpStatus.CONFLICT)) {
                throw new ConflictException("An account with this email already exists");
            }
            if (status.isSameCodeAs(HttpStatus.NOT_FOUND)) {
                throw new NotFoundException("No such account");
            }
            if (status.isSameCodeAs(HttpStatus.BAD_REQUEST)) {
                // the same rules are checked here first, so this is a rule only auth-service knows
                ProblemDetail problem = e.getResponseBodyAs(ProblemDetail.class);
                throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
                        problem != null ? problem : ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), e);
            }
            if (status.isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
                tokens.forget();
            }
            throw new AuthUnavailable(e);
        }
        catch (RestClientException | IllegalStateException e) {
            throw new AuthUnavailable(e);
        }
    }
}
