package io.urop.web;

import java.util.List;

/**
 * One page of a list: every list endpoint answers this shape, with {@code page} from 0 and {@code size}
 * at most {@link #MAX_SIZE}.
 */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;
    public static final String DEFAULT_SIZE = "50";

    public Paged {
        items = List.copyOf(items);
    }
}
