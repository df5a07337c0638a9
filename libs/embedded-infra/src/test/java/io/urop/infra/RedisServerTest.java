package io.urop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RedisServerTest {

    @Test
    void startsTheRedisServerFromThePath() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/redis-server")), "redis-server installed");
        assertServes(RedisServer::start, RedisServer.Use.STATE, "7.");
    }

    @Test
    void fallsBackToTheBundledRedisServer() {
        assertServes(() -> RedisServer.startBundled(RedisServer.Use.STATE), RedisServer.Use.STATE, "6.");
    }

    @Test
    void aCacheEvictsItsLeastRecentlyUsedKeysAndStateNothing() {
        assertServes(() -> RedisServer.start(RedisServer.Use.CACHE), RedisServer.Use.CACHE, "");
        assertServes(() -> RedisServer.startBundled(RedisServer.Use.CACHE), RedisServer.Use.CACHE, "6.");
    }

    private static void assertServes(Supplier<RedisServer> starter, RedisServer.Use use, String versionPrefix) {
        int port;
        try (RedisServer redis = starter.get()) {
            port = redis.port();
            assertThat(port).isNotEqualTo(6379);
            assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + port);
            RedisClient client = RedisClient.create(redis.url());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                RedisCommands<String, String> commands = connection.sync();
                assertThat(commands.ping()).isEqualTo("PONG");
                assertThat(commands.set("table:7", "occupied")).isEqualTo("OK");
                assertThat(commands.get("table:7")).isEqualTo("occupied");
                assertThat(commands.info("server")).contains("redis_version:" + versionPrefix);
                assertThat(commands.configGet("save")).containsEntry("save", "");
                assertThat(commands.configGet("maxmemory-policy")).containsEntry("maxmemory-policy", use.policy());
                assertThat(commands.configGet("maxmemory")).containsEntry("maxmemory",
                        String.valueOf(Long.parseLong(use.maxMemory().replace("mb", "")) * 1024 * 1024));
            } finally {
                client.shutdown();
            }
        }

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            }
        }).isInstanceOf(IOException.class);
    }
}
