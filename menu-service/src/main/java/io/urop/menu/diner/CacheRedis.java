package io.urop.menu.diner;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The Redis that holds rendered menus: a cache, which may evict whatever it likes when its memory is full (a miss
 * renders the menu again), kept apart from the Redis of what must not be lost (revoked sessions, limits), which
 * evicts nothing. Without {@code urop.cache.redis-url} the menus share that one.
 */
@Component
@EnableConfigurationProperties(CacheRedis.Properties.class)
class CacheRedis implements DisposableBean {

    private final StringRedisTemplate template;
    private final LettuceConnectionFactory ownConnections;

    CacheRedis(Properties properties, StringRedisTemplate stateRedis) {
        if (properties.redisUrl() == null || properties.redisUrl().isBlank()) {
            this.ownConnections = null;
            this.template = stateRedis;
        }
        else {
            this.ownConnections = new LettuceConnectionFactory(
                    LettuceConnectionFactory.createRedisConfiguration(properties.redisUrl()));
            ownConnections.afterPropertiesSet();
            ownConnections.start();
            this.template = new StringRedisTemplate(ownConnections);
        }
    }

    StringRedisTemplate template() {
        return template;
    }

    @Override
    public void destroy() {
        if (ownConnections != null) {
            ownConnections.destroy();
        }
    }

    /** @param redisUrl the cache's Redis ({@code redis://host:port}); empty: the service's own Redis */
    @ConfigurationProperties("urop.cache")
    record Properties(String redisUrl) {
    }
}
