package io.urop.menu.diner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** Every instance hears of every location whose menus changed, on the cache's Redis ({@link RecentMenus}). */
@Configuration(proxyBeanMethods = false)
class MenuInvalidations {

    @Bean
    RedisMessageListenerContainer menuInvalidationListener(CacheRedis redis, RecentMenus recent) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis.template().getRequiredConnectionFactory());
        container.addMessageListener(recent, ChannelTopic.of(PublicMenuKeys.INVALIDATED));
        return container;
    }
}
