package io.urop.gateway.resilience;

import io.github.resilience4j.bulkhead.BulkheadFullException;

import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.web.server.ResponseStatusException;

/** Which errors of a call count against a service's circuit breaker. */
final class ServiceFailures {

    private ServiceFailures() {
    }

    /**
     * The gateway's own load shedding (a full bulkhead), a service with no registered instance (the
     * load balancer answers at once, and an open breaker would only delay its recovery) and a
     * client's error are not failures of the service.
     */
    static boolean isNotAServiceFailure(Throwable error) {
        return error instanceof BulkheadFullException
                || error instanceof NotFoundException
                || (error instanceof ResponseStatusException rse && rse.getStatusCode().is4xxClientError());
    }
}
