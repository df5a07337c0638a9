package io.urop.notification.email;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.urop.test.http.StandInServices;
import io.urop.test.http.StandInServices.Answer;

/**
 * auth-service and tenant-service as notification-service meets them when it emails a link: their internal link
 * endpoints. A link answers 200 with its URL, 410 once {@link #spend used}, and 503 as many times as
 * {@link #failNext} says.
 */
public final class LinkIssuers {

    public static final LinkIssuers INSTANCE = new LinkIssuers();

    private static final Pattern LINK = Pattern.compile(
            "/internal/v1/tenants/[0-9a-f-]{36}/(password-resets|invitations)/([0-9a-f-]{36})/link");

    private final StandInServices services = StandInServices.start();
    private final Set<UUID> spent = ConcurrentHashMap.newKeySet();
    private final Map<UUID, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> asked = new ConcurrentHashMap<>();

    private LinkIssuers() {
        services.serve("/internal/", this::link);
    }

    public String uri() {
        return services.uri().toString();
    }

    /** The link of the reset or invitation {@code id}. */
    static String url(UUID id) {
        return "https://app.example/links/" + id;
    }

    void spend(UUID id) {
        spent.add(id);
    }

    void failNext(UUID id, int times) {
        failures.put(id, new AtomicInteger(times));
    }

    int asked(UUID id) {
        return asked.getOrDefault(id, new AtomicInteger()).get();
    }

    private Answer link(String path) {
        Matcher link = LINK.matcher(path);
        if (!link.matches()) {
            return Answer.problem(404);
        }
        UUID id = UUID.fromString(link.group(2));
        asked.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
        AtomicInteger failing = failures.get(id);
        if (failing != null && failing.getAndDecrement() > 0) {
            return Answer.problem(503);
        }
        if (spent.contains(id)) {
            return Answer.problem(410);
        }
        return Answer.ok("{\"url\":\"%s\",\"expiresAt\":\"%s\"}".formatted(url(id), Instant.parse("2026-05-01T09:30:00Z")));
    }
}
