package io.urop.gateway;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** A Redis client outside any Spring context, for tests of one component against a real Redis. */
public final class TestRedis implements AutoCloseable {

    private final LettuceConnectionFactory connections;

    private TestRedis(int port) {
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        connections.afterPropertiesSet();
        connections.start();
    }

    /** The tests' shared Redis. */
    public static TestRedis shared() {
        return new TestRedis(TestFleet.REDIS.port());
    }

    /** A port nobody listens on. */
    public static TestRedis unreachable() {
        return new TestRedis(EchoBackend.deadPort());
    }

    public ReactiveStringRedisTemplate template() {
        return new ReactiveStringRedisTemplate(connections);
    }

    @Override
    public void close() {
        connections.destroy();
    }
}
