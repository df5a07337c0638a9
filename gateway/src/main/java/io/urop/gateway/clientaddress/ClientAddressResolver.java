package io.urop.gateway.clientaddress;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who the client is, from the TCP peer and the {@code X-Forwarded-For} chain. Each proxy appends the address it
 * received the request from, so only the entries written by proxies we trust are true: the chain is walked from
 * the right, past trusted proxies, and the first address that is not one is the client. Anything to its left was
 * written by the client or on its behalf, and is never read. From a peer that is not a trusted proxy, the header
 * is not read at all.
 */
final class ClientAddressResolver {

    private final TrustedProxies trustedProxies;

    ClientAddressResolver(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    boolean isTrustedProxy(InetAddress peer) {
        return trustedProxies.trust(peer);
    }

    /** @param forwardedFor the {@code X-Forwarded-For} header's values, in the order received (none: empty) */
    InetAddress resolve(InetAddress peer, List<String> forwardedFor) {
        InetAddress client = peer;
        List<String> hops = hops(forwardedFor);
        for (int i = hops.size() - 1; i >= 0 && trustedProxies.trust(client); i--) {
            Optional<InetAddress> hop = IpLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                // a trusted proxy wrote no address here: the last hop we can vouch for stands for the client
                return client;
            }
            client = hop.get();
        }
        return client;
    }

    private static List<String> hops(List<String> headerValues) {
        List<String> hops = new ArrayList<>();
        for (String value : headerValues) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }
}
