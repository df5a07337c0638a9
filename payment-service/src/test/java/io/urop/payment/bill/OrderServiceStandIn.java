package io.urop.payment.bill;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.urop.test.http.StandInServices;
import io.urop.test.http.StandInServices.Answer;

/**
 * order-service as payment-service meets it when a diner pays by items: its internal tab endpoint, answering each
 * session's tab as a test {@link #serve serves} it (404 for any other), or 503 for a session told to {@link #fail}.
 * The real one answers in e2e-tests.
 */
public final class OrderServiceStandIn {

    public static final OrderServiceStandIn INSTANCE = new OrderServiceStandIn();

    private final StandInServices services = StandInServices.start();
    private final Map<String, String> tabs = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    private OrderServiceStandIn() {
        services.serve("/internal/", path -> failing.contains(path) ? Answer.problem(503)
                : tabs.containsKey(path) ? Answer.ok(tabs.get(path)) : Answer.problem(404));
    }

    public String uri() {
        return services.uri().toString();
    }

    /** From now on, answers the session's tab with this JSON, as order-service shows a tab. */
    void serve(UUID tenantId, UUID tableSessionId, String tabJson) {
        tabs.put(path(tenantId, tableSessionId), tabJson);
    }

    /** From now on, answers 503 for the session's tab, or, {@code failing} false, answers again. */
    void fail(UUID tenantId, UUID tableSessionId, boolean failing) {
        if (failing) {
            this.failing.add(path(tenantId, tableSessionId));
        }
        else {
            this.failing.remove(path(tenantId, tableSessionId));
        }
    }

    private static String path(UUID tenantId, UUID tableSessionId) {
        return "/internal/v1/tenants/" + tenantId + "/tabs/" + tableSessionId;
    }
}
