package io.urop.qr.scan;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.urop.security.ServiceTokens;
import io.urop.web.Problems;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A diner's token from auth-service ({@code /internal/v1/diner-tokens}, which only qr-service may call), asked with
 * qr-service's own client-credentials token, kept until shortly before it expires.
 */
@Component
@EnableConfigurationProperties(AuthServiceProperties.class)
class DinerTokens {

    private final RestClient auth;
    private final ServiceTokens serviceTokens;

    DinerTokens(LoadBalancerClient loadBalancer, AuthServiceProperties properties, Clock clock) {
        // HttpURLConnection, with its keep-alive cache: per scan it costs a fraction of the CPU the JDK's HttpClient
        // spends on its selector thread and asynchronous pipeline for the same blocking call
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());
        this.auth = RestClient.builder().baseUrl(properties.url().toString()).requestFactory(requests)
                .requestInterceptor(new LoadBalancerInterceptor(loadBalancer)).build();
        this.serviceTokens = new ServiceTokens(auth, properties.clientId(), properties.clientSecret(), clock);
    }

    /** @throws ErrorResponseException 503 when auth-service cannot answer */
    DinerToken issue(UUID tenantId, UUID locationId, UUID tableId, UUID sessionId, UUID guestId) {
        try {
            Map<?, ?> body = auth.post().uri("/internal/v1/diner-tokens")
                    .headers(headers -> headers.setBearerAuth(serviceTokens.token()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("tenantId", tenantId, "locationId", locationId, "tableId", tableId,
                            "tableSessionId", sessionId, "guestId", guestId))
                    .retrieve().body(Map.class);
            if (body == null || !(body.get("accessToken") instanceof String token)
                    || !(body.get("expiresIn") instanceof Number expiresIn)) {
                throw new IllegalStateException("auth-service answered without a diner token");
            }
            return new DinerToken(token, expiresIn.longValue());
        }
        catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
                serviceTokens.forget();
            }
            throw unavailable(e);
        }
        catch (RestClientException | IllegalStateException e) {
            throw unavailable(e);
        }
    }

    /** 503: the diner may scan again in a moment. */
    static ErrorResponseException unavailable(Exception cause) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The table cannot be opened right now. Please scan the code again in a moment.");
        problem.setType(Problems.SERVICE_UNAVAILABLE);
        problem.setTitle("Service unavailable");
        ErrorResponseException e = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, cause);
        e.getHeaders().set("Retry-After", "5");
        return e;
    }

    record DinerToken(String accessToken, long expiresInSeconds) {
    }
}
