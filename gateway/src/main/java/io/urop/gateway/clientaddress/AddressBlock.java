package io.urop.gateway.clientaddress;

import java.net.InetAddress;
import java.util.Arrays;

/** A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}), or a single address. */
final class AddressBlock {

    private final byte[] network;

    private final int prefixLength;

    private AddressBlock(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** @throws IllegalArgumentException when {@code cidr} is not an address, or an address and a prefix length */
    static AddressBlock parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = IpLiteral.parse(address).map(InetAddress::getAddress)
                .orElseThrow(() -> new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR block"));
        int bits = bytes.length * 8;
        int prefixLength = slash < 0 ? bits : prefixLength(cidr, text.substring(slash + 1), bits);
        return new AddressBlock(masked(bytes, prefixLength), prefixLength);
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        return Arrays.equals(masked(bytes, prefixLength), network);
    }

    private static int prefixLength(String cidr, String text, int bits) {
        try {
            int length = Integer.parseInt(text);
            if (length >= 0 && length <= bits) {
                return length;
            }
        }
        catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("'" + cidr + "' has no prefix length between 0 and " + bits);
    }

    private static byte[] masked(byte[] address, int prefixLength) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int bitsKept = Math.max(0, Math.min(8, prefixLength - i * 8));
            masked[i] = (byte) (masked[i] & (0xff << (8 - bitsKept)));
        }
        return masked;
    }
}
