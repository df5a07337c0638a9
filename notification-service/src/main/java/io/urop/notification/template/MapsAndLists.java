package io.urop.notification.template;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.BasicCollector;

/**
 * Lets a template read the values it is given (maps, lists, strings, numbers) and nothing else: unlike Mustache's
 * default, no getter or field of a value is reached by reflection, so a tenant's {@code {{restaurant.class}}} is
 * empty rather than a look into the service.
 */
final class MapsAndLists extends BasicCollector {

    @Override
    public <K, V> Map<K, V> createFetcherCache() {
        return new ConcurrentHashMap<>();
    }
}
