package io.urop.gateway.clientaddress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import io.netty.util.NetUtil;

/**
 * An IP address written as text, as proxies write them in {@code X-Forwarded-For}: {@code 198.51.100.7},
 * {@code 2001:db8::1}, or with a port ({@code 198.51.100.7:4431}, {@code [2001:db8::1]:4431}). Never a host name:
 * nothing here asks DNS. An IPv4-mapped IPv6 address is its IPv4 address.
 */
final class IpLiteral {

    private IpLiteral() {
    }

    static Optional<InetAddress> parse(String text) {
        String literal = withoutPort(text.trim());
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            // no host name given, so no lookup; a 16-byte IPv4-mapped address comes back as an Inet4Address
            return Optional.of(InetAddress.getByAddress(bytes));
        }
        catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String withoutPort(String text) {
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            return close < 0 ? text : text.substring(1, close);
        }
        int colon = text.indexOf(':');
        // one colon: IPv4 with a port; more: an IPv6 address without brackets
        return colon >= 0 && colon == text.lastIndexOf(':') ? text.substring(0, colon) : text;
    }
}
