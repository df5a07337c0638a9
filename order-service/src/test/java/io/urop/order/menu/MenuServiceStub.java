package io.urop.order.menu;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.urop.test.http.StandInServices;
import io.urop.test.http.StandInServices.Answer;

/** menu-service as order-service meets it when a published version is too large for its event: its snapshots. */
public final class MenuServiceStub {

    public static final MenuServiceStub INSTANCE = new MenuServiceStub();

    private final StandInServices services = StandInServices.start();
    private final Map<String, String> snapshots = new ConcurrentHashMap<>();

    private MenuServiceStub() {
        services.serve("/internal/", path -> snapshots.containsKey(path) ? Answer.ok(snapshots.get(path))
                : Answer.problem(404));
    }

    public String uri() {
        return services.uri().toString();
    }

    /** From now on, answers {@code path} with this snapshot's JSON. */
    void serve(String path, String snapshotJson) {
        snapshots.put(path, snapshotJson);
    }
}
