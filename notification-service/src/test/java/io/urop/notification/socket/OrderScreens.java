package io.urop.notification.socket;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.urop.test.http.StandInServices;
import io.urop.test.http.StandInServices.Answer;

/**
 * order-service as notification-service meets it when a client is too far behind: its internal screens, answering
 * what a test {@link #show shows} at a path, and 404 (or the status a test sets) elsewhere.
 */
public final class OrderScreens {

    public static final OrderScreens INSTANCE = new OrderScreens();

    private final StandInServices services = StandInServices.start();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private OrderScreens() {
        services.serve("/internal/", path -> answers.getOrDefault(path, Answer.problem(404)));
    }

    public URI uri() {
        return services.uri();
    }

    void show(String path, Answer answer) {
        answers.put(path, answer);
    }
}
