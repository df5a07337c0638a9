package io.urop.gateway.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Every Redis key of the gateway's budgets, built here alone. A diner's two keys share their table session as a hash
 * tag, so one script can count both on a Redis Cluster too.
 */
final class RateLimitKeys {

    static final String PREFIX = "urop:gateway:rate-limit:";

    private static final int IPV6_NETWORK_BYTES = 8;

    private RateLimitKeys() {
    }

    static String clientIp(String group, Optional<InetAddress> client) {
        return PREFIX + "ip:" + group + ":" + client.map(RateLimitKeys::network).orElse("unknown");
    }

    static String tenant(String tenant) {
        return PREFIX + "tenant:" + tenant;
    }

    static String tableSession(String tableSession) {
        return PREFIX + "diner:{" + tableSession + "}";
    }

    static String dinerToken(String tableSession, String token) {
        return PREFIX + "diner:{" + tableSession + "}:token:" + token;
    }

    /**
     * An IPv4 client is its address; an IPv6 client is its /64, the smallest network a provider hands out, so
     * stepping through the addresses of one's own network does not buy a new budget.
     */
    private static String network(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < IPV6_NETWORK_BYTES; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }
}
