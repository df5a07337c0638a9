package io.urop.client;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.urop.security.ServiceTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A typed client of one other service ({@link ServiceClients#client}): request and response bodies are the caller's
 * own records, every call carries this service's token, and every failure ends one of two ways.
 * <pre>
 * DinerToken token = auth.post("/internal/v1/diner-tokens").body(new DinerTokenRequest(...)).fetch(DinerToken.class);
 * auth.post("/internal/v1/accounts").body(newAccount).idempotent().send();
 * InvitationLink link = tenants.get("/internal/v1/tenants/{t}/invitations/{i}/link", t, i).fetch(InvitationLink.class);
 * </pre>
 * <ul>
 * <li><b>Token.</b> A 401 means the token is outdated (auth-service rotated its key): it is forgotten, a new one
 * fetched, and the call made once more.</li>
 * <li><b>Retry, only what is safe to repeat.</b> A GET, or a call its caller marks {@link Call#idempotent()} (its
 * repetition changes nothing more, e.g. creating an account under an id the caller chose), is tried up to
 * {@value #ATTEMPTS} times, 50 then 100 ms apart, when the instance could not be connected to (another instance may
 * answer) or answered 503. Nothing else is repeated: not a POST its caller did not mark, not a 5xx other than 503
 * (the service may have done part of it), not a read timeout (the service is slow, and more calls make it slower).</li>
 * <li><b>Rejected.</b> A 4xx is {@link CallRejected}, with the service's problem: the caller maps the statuses it
 * expects (a 409, a 404, a 400 of a rule only that service knows) to its own answer. One it does not map is a defect
 * between the two services and answers a plain 500.</li>
 * <li><b>Failed.</b> No answer, a 5xx, a token that is refused twice or a body that cannot be read is
 * {@link CallFailed}: {@code problem+json} 503 with {@code Retry-After}, or 504 when the answer took longer than
 * {@link ServiceClientProperties#timeout()}.</li>
 * </ul>
 */
public final class ServiceClient {

    static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(ServiceClient.class);

    private static final RetryConfig RETRY = RetryConfig.custom()
            .maxAttempts(ATTEMPTS)
            .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(50), 2))
            .retryOnException(ServiceClient::noAnswerYet)
            .build();

    private final String service;
    private final RestClient http;
    private final ServiceTokens tokens;
    private final Retry retry;

    ServiceClient(String service, RestClient http, ServiceTokens tokens) {
        this.service = service;
        this.http = http;
        this.tokens = tokens;
        this.retry = Retry.of(service, RETRY);
        retry.getEventPublisher().onRetry(event -> log.debug("Calling {} again (attempt {}): {}", service,
                event.getNumberOfRetryAttempts() + 1, String.valueOf(event.getLastThrowable())));
    }

    /** A GET: changes nothing, so it is retried. */
    public Call get(String path, Object... uriVariables) {
        return new Call(HttpMethod.GET, path, uriVariables).idempotent();
    }

    public Call post(String path, Object... uriVariables) {
        return new Call(HttpMethod.POST, path, uriVariables);
    }

    public Call put(String path, Object... uriVariables) {
        return new Call(HttpMethod.PUT, path, uriVariables);
    }

    public Call delete(String path, Object... uriVariables) {
        return new Call(HttpMethod.DELETE, path, uriVariables);
    }

    /** One call to the service, built then made with {@link #fetch} or {@link #send}. */
    public final class Call {

        private final HttpMethod method;
        private final String path;
        private final Object[] uriVariables;
        private Object body;
        private boolean idempotent;

        private Call(HttpMethod method, String path, Object[] uriVariables) {
            this.method = method;
            this.path = path;
            this.uriVariables = uriVariables;
        }

        /** The request's body, a record sent as JSON. */
        public Call body(Object body) {
            this.body = body;
            return this;
        }

        /** Making the call again changes nothing more than making it once: it may be retried. */
        public Call idempotent() {
            this.idempotent = true;
            return this;
        }

        /**
         * Makes the call and reads its answer.
         *
         * @throws CallRejected when the service answers a 4xx
         * @throws CallFailed   when it does not answer, fails, or answers without a body
         */
        public <T> T fetch(Class<T> answer) {
            T body = make(() -> exchange(answer));
            if (body == null) {
                throw failed(new IllegalStateException(service + " answered " + this + " without a body"));
            }
            return body;
        }

        /**
         * Makes the call; its answer's body, if any, is not read.
         *
         * @throws CallRejected when the service answers a 4xx
         * @throws CallFailed   when it does not answer or fails
         */
        public void send() {
            make(() -> exchange(null));
        }

        private <T> T make(Supplier<T> once) {
            try {
                return idempotent ? retry.executeSupplier(once) : once.get();
            }
            catch (HttpClientErrorException e) {
                if (e.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
                    // refused a token fresh from auth-service too
                    throw failed(e);
                }
                throw new CallRejected(service, e.getStatusCode(), problem(e), e);
            }
            catch (ResourceAccessException e) {
                throw readTimedOut(e) ? timedOut(e) : failed(e);
            }
            catch (RestClientException | IllegalStateException e) {
                // a 5xx, a body that cannot be read, no instance known, no token
                throw failed(e);
            }
        }

        /** Once, with the current token; once more with a new token if the service refused it. */
        private <T> T exchange(Class<T> answer) {
            String token = token();
            try {
                return exchange(token, answer);
            }
            catch (HttpClientErrorException.Unauthorized refused) {
                tokens.forget();
                return exchange(token(), answer);
            }
        }

        private String token() {
            try {
                return tokens.token();
            }
            catch (HttpClientErrorException refused) {
                throw new IllegalStateException("auth-service refused this service's client credentials "
                        + "(urop.clients.client-id, urop.clients.client-secret): " + refused.getStatusCode(), refused);
            }
        }

        private <T> T exchange(String token, Class<T> answer) {
            RestClient.RequestBodySpec request = http.method(method).uri(path, uriVariables)
                    .headers(headers -> headers.setBearerAuth(token));
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            RestClient.ResponseSpec response = request.retrieve();
            if (answer == null) {
                response.toBodilessEntity();
                return null;
            }
            return response.body(answer);
        }

        private CallFailed failed(Exception cause) {
            log.warn("{} could not answer {}: {}", service, this, cause.toString());
            return CallFailed.unavailable(service, cause);
        }

        private CallFailed timedOut(Exception cause) {
            log.warn("{} did not answer {} in time: {}", service, this, cause.toString());
            return CallFailed.timedOut(service, cause);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The instance could not be connected to, or answered 503: another instance, or the same a moment later, may. */
    static boolean noAnswerYet(Throwable e) {
        if (e instanceof HttpServerErrorException.ServiceUnavailable) {
            return true;
        }
        if (!(e instanceof ResourceAccessException)) {
            return false;
        }
        Throwable cause = e.getCause();
        return cause instanceof ConnectException || cause instanceof NoRouteToHostException
                || cause instanceof SocketTimeoutException && connecting((SocketTimeoutException) cause);
    }

    /** The request was sent but its answer took longer than the read timeout. */
    private static boolean readTimedOut(ResourceAccessException e) {
        return e.getCause() instanceof SocketTimeoutException timeout && !connecting(timeout);
    }

    /** HttpURLConnection's connect timeout is a SocketTimeoutException too, told apart only by its message. */
    private static boolean connecting(SocketTimeoutException timeout) {
        return timeout.getMessage() != null && timeout.getMessage().toLowerCase(Locale.ROOT).startsWith("connect");
    }

    private static ProblemDetail problem(HttpClientErrorException e) {
        ProblemDetail problem = null;
        try {
            problem = e.getResponseBodyAs(ProblemDetail.class);
        }
        catch (RestClientException | HttpMessageConversionException | IllegalStateException unreadable) {
            // not a problem body: the status says it all
        }
        return problem != null ? problem : ProblemDetail.forStatus(e.getStatusCode());
    }
}
