package io.urop.menu.model;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Defensive, null-tolerant copies for the records' compact constructors: a missing collection
 * becomes empty, elements may not be null. Unlike {@code Set.copyOf}, the copies keep a stable
 * iteration order, so the same snapshot always writes the same JSON, and they answer
 * {@code contains(null)} with false instead of throwing.
 */
final class Copies {

    private Copies() {
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static <T> Set<T> set(Collection<T> set) {
        if (set == null || set.isEmpty()) {
            return Collections.emptySet();
        }
        Set<T> copy = new LinkedHashSet<>();
        for (T element : set) {
            copy.add(Objects.requireNonNull(element, "set element"));
        }
        return Collections.unmodifiableSet(copy);
    }

    static <E extends Enum<E>> Set<E> enumSet(Collection<E> set, Class<E> type) {
        if (set == null || set.isEmpty()) {
            return Collections.emptySet();
        }
        EnumSet<E> copy = EnumSet.noneOf(type);
        for (E element : set) {
            copy.add(Objects.requireNonNull(element, "set element"));
        }
        return Collections.unmodifiableSet(copy);
    }

    static <K, V> Map<K, V> map(Map<K, V> map) {
        if (map == null || map.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<K, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "map key"), Objects.requireNonNull(value, "map value")));
        return Collections.unmodifiableMap(copy);
    }

    static <K extends Enum<K>, V> Map<K, V> enumMap(Map<K, V> map, Class<K> type) {
        if (map == null || map.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<K, V> copy = new EnumMap<>(type);
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "map key"), Objects.requireNonNull(value, "map value")));
        return Collections.unmodifiableMap(copy);
    }
}
