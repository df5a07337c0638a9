package io.urop.auth.login;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The client a lock-out counts for: an IPv4 address, or the /64 network of an IPv6 address (what one subscriber
 * is given, so its 2^64 addresses are one client). Anything else a proxy forwarded counts as it is.
 */
final class ClientNetwork {

    /** Only what an IP literal is made of: InetAddress parses it and never asks DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private ClientNetwork() {
    }

    static String of(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String literal = address.replaceAll("^\\[|]$|%.*$", "");
        if (!literal.contains(":") || !IP_LITERAL.matcher(literal).matches()) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64"
                    : InetAddress.getByAddress(bytes).getHostAddress();
        }
        catch (UnknownHostException e) {
            return address;
        }
    }
}
