package io.urop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void handsOutDistinctBindablePortsOutsideTheWellKnownRange() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ports.add(FreePorts.next());
        }

        assertThat(ports).hasSize(200).allSatisfy(port -> assertThat(port).isGreaterThan(1024));
        int port = ports.iterator().next();
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            assertThat(socket.isBound()).isTrue();
        }
    }
}
