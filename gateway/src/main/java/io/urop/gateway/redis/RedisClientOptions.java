package io.urop.gateway.redis;

import io.lettuce.core.ClientOptions;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis sits on the path of every request (revoked sessions, rate limits). While the connection is
 * down, commands fail at once instead of queueing until the command timeout, so the gateway answers
 * its fail-closed 503 or fails open without holding requests. Replies are emitted off Lettuce's I/O
 * thread, so the rest of a request (routing, the call to the service) never runs on, and stalls, the
 * one event loop every Redis command shares.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientOptions {

    @Bean
    LettuceClientOptionsBuilderCustomizer gatewayRedisClientOptions() {
        return options -> options
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .publishOnScheduler(true);
    }
}
