package io.urop.payment.stripe;

import java.time.Duration;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Every call payment-service makes to Stripe goes through here. Each one carries an idempotency key derived from
 * payment-service's own ids (never stripe-java's random one), so that no retry of ours, however it comes about, can
 * charge twice. stripe-java retries a call itself when Stripe says it may ({@code Stripe-Should-Retry}) or the
 * connection failed, with that same key: Stripe's header is read nowhere else. Around it a circuit breaker, sized for a
 * restaurant's few payments a minute: when half of the last calls failed for want of Stripe, the next ones fail at
 * once for a while, and the diner hears "try again" ({@link StripeUnavailable}) instead of waiting on a dead server.
 * What Stripe refuses (a bad request, a declined card) is the caller's to handle and does not open the breaker.
 */
@Component
public class StripeCalls {

    private static final Logger log = LoggerFactory.getLogger(StripeCalls.class);

    private final StripeClient client;
    private final CircuitBreaker breaker;

    StripeCalls(StripeClient client) {
        this.client = client;
        this.breaker = CircuitBreaker.of("stripe", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .slidingWindowSize(60)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(15))
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(StripeCalls::unavailable)
                .build());
    }

    /**
     * @param account         the connected account the call acts on ({@code Stripe-Account}); null for the platform's
     * @param idempotencyKey  derived from our own ids: the same operation always sends the same key
     * @throws StripeUnavailable when Stripe could not be reached or answered that it cannot serve now
     * @throws StripeException   what Stripe refused
     */
    public <T> T call(String account, String idempotencyKey, Call<T> call) throws StripeException {
        RequestOptions.RequestOptionsBuilder options = RequestOptions.builder().setStripeAccount(account);
        if (idempotencyKey != null) {
            options.setIdempotencyKey(idempotencyKey);
        }
        RequestOptions built = options.build();
        try {
            return breaker.executeCheckedSupplier(() -> call.on(client, built));
        }
        catch (CallNotPermittedException e) {
            throw new StripeUnavailable(e);
        }
        catch (StripeException e) {
            if (unavailable(e)) {
                log.warn("Stripe could not serve a call ({}): {}", e.getClass().getSimpleName(), e.getMessage());
                throw new StripeUnavailable(e);
            }
            throw e;
        }
        catch (RuntimeException | Error e) {
            throw e;
        }
        catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** A read: {@link #call} without an idempotency key (a GET is safe to repeat). */
    public <T> T read(String account, Call<T> call) throws StripeException {
        return call(account, null, call);
    }

    private static boolean unavailable(Throwable e) {
        if (e instanceof ApiConnectionException || e instanceof RateLimitException) {
            return true;
        }
        return e instanceof ApiException api && (api.getStatusCode() == null || api.getStatusCode() >= 500);
    }

    /** One call of stripe-java's client, with the options it must send. */
    @FunctionalInterface
    public interface Call<T> {
        T on(StripeClient client, RequestOptions options) throws StripeException;
    }
}
