package io.urop.gateway.ratelimit;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Request budgets ({@code urop.gateway.rate-limits.*}), shared by every gateway instance through Redis.
 *
 * @param perClientIp     group name to the paths it covers and the budget of one client IP for the whole group (e.g.
 *                        {@code login}: 10 a minute); for the paths anyone may call
 * @param perTenant       the budget of one tenant (the verified token's {@code tid}) over every authenticated call but
 *                        diners', counted in memory and shared through Redis
 * @param perDiner        the budgets of diners' tokens, which never spend their tenant's
 * @param maxKeysInMemory how many keys (a tenant, a client's group, ...) one instance counts in memory at most; a request
 *                        of a further key is counted per request in Redis until windows end ({@link SyncedWindows})
 */
@ConfigurationProperties("urop.gateway.rate-limits")
public record RateLimitProperties(
        @DefaultValue Map<String, PathGroup> perClientIp,
        @DefaultValue Budget perTenant,
        @DefaultValue DinerLimits perDiner,
        @DefaultValue("100000") int maxKeysInMemory) {

    public RateLimitProperties {
        if (maxKeysInMemory < 1) {
            throw new IllegalArgumentException("urop.gateway.rate-limits.max-keys-in-memory must be >= 1");
        }
        perClientIp = Map.copyOf(perClientIp);
        perClientIp.forEach((name, group) -> {
            if (group.paths().isEmpty()) {
                throw new IllegalArgumentException("urop.gateway.rate-limits.per-client-ip." + name + ".paths is empty");
            }
            group.paths().forEach(PathPatternParser.defaultInstance::parse);
        });
    }

    /** The pace of the one loop that syncs every budget counted in memory. */
    Duration shortestSyncInterval() {
        return Stream.concat(Stream.of(perTenant.syncInterval(), perDiner.syncInterval()),
                        perClientIp.values().stream().map(PathGroup::syncInterval).filter(Objects::nonNull))
                .min(Comparator.naturalOrder()).orElseThrow();
    }

    /**
     * @param paths        the group's path patterns (PathPattern syntax)
     * @param limit        requests allowed per window
     * @param window       the fixed window, starting at the first request
     * @param syncInterval if set, the group is counted in memory and each gateway instance adds its counts to Redis
     *                     this often ({@link Budget#syncInterval()}); if not, every request is counted in Redis, exact
     *                     across instances at the cost of a round trip ({@link ClientIpRateLimitFilter} says which
     *                     suits which group)
     */
    public record PathGroup(
            @DefaultValue List<String> paths,
            @DefaultValue("10") int limit,
            @DefaultValue("1m") Duration window,
            Duration syncInterval) {

        public PathGroup {
            paths = List.copyOf(paths);
            Budget.check(limit, window);
            if (syncInterval != null) {
                Budget.checkSyncInterval(syncInterval, window);
            }
        }
    }

    /**
     * A diner's calls (a DINER token) are counted per table session (the token's {@code sid}) and per token: one
     * phone, or a script holding a photo of the table's code, can use up its table's budget at most, never the
     * budget of the restaurant's staff.
     *
     * @param tableSessionLimit requests a table session's phones may make together per window
     * @param tokenLimit        requests one diner token may make per window
     * @param window            the fixed window, starting at the first request
     * @param syncInterval      how often each gateway instance adds its counts to Redis and learns the others'
     *                          ({@link Budget#syncInterval()})
     */
    public record DinerLimits(
            @DefaultValue("360") int tableSessionLimit,
            @DefaultValue("120") int tokenLimit,
            @DefaultValue("1m") Duration window,
            @DefaultValue("100ms") Duration syncInterval) {

        public DinerLimits {
            Budget.check(tableSessionLimit, window);
            Budget.check(tokenLimit, window);
            Budget.checkSyncInterval(syncInterval, window);
        }
    }

    /**
     * @param limit        requests allowed per window
     * @param window       the fixed window, starting at the first request
     * @param syncInterval how often each gateway instance adds its counts to Redis and learns the others'
     *                     (instances together may overshoot by what they admit in this time); rounded to a multiple
     *                     of the shortest sync interval configured, the pace of the one sync loop
     */
    public record Budget(
            @DefaultValue("6000") int limit,
            @DefaultValue("1m") Duration window,
            @DefaultValue("100ms") Duration syncInterval) {

        public Budget {
            check(limit, window);
            checkSyncInterval(syncInterval, window);
        }

        static void check(int limit, Duration window) {
            if (limit < 1 || window.toMillis() < 1) {
                throw new IllegalArgumentException("urop.gateway.rate-limits: a limit must be >= 1 and a window positive");
            }
        }

        static void checkSyncInterval(Duration syncInterval, Duration window) {
            if (syncInterval.toMillis() < 1 || syncInterval.compareTo(window) >= 0) {
                throw new IllegalArgumentException(
                        "urop.gateway.rate-limits: a sync-interval must be positive and shorter than its window");
            }
        }
    }
}
