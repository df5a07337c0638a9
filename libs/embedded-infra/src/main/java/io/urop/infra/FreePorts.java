package io.urop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free TCP ports on 127.0.0.1, taken from the kernel's ephemeral range so they never collide with the
 * well-known ports of servers already running on the machine (5432, 6379, ...).
 *
 * <p>Binding port 0 twice in a row can return the same port on Linux when nothing listens on it yet, so
 * every port handed out is remembered and never handed out again in this JVM.
 */
public final class FreePorts {

    /** The address every server of this module listens on. */
    public static final String LOOPBACK = "127.0.0.1";

    private static final int MAX_ATTEMPTS = 100;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int port = probe();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free local port found after " + MAX_ATTEMPTS + " attempts");
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind a local port", e);
        }
    }
}
