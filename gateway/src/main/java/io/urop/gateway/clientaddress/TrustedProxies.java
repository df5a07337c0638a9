package io.urop.gateway.clientaddress;

import java.net.InetAddress;
import java.util.List;

/** The proxies in front of the gateway whose word on the client's address counts: the operator's list, none by default. */
final class TrustedProxies {

    private final List<AddressBlock> blocks;

    private TrustedProxies(List<AddressBlock> blocks) {
        this.blocks = blocks;
    }

    static TrustedProxies of(List<String> cidrs) {
        return new TrustedProxies(cidrs.stream().map(AddressBlock::parse).toList());
    }

    boolean trust(InetAddress address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }
}
