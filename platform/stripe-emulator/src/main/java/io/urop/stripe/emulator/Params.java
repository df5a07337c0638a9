package io.urop.stripe.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The parameters of one request, nested as Stripe nests them, read with the names Stripe puts in its errors
 * ({@code line_items[1][price_data][currency]}).
 */
final class Params {

    private final Map<String, Object> values;
    private final String path;

    Params(Map<String, Object> values, String path) {
        this.values = values;
        this.path = path;
    }

    static Params empty() {
        return new Params(Map.of(), "");
    }

    String name(String key) {
        return path.isEmpty() ? key : path + "[" + key + "]";
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String string(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String)) {
            throw StripeError.invalid(name(key), "Invalid string: " + name(key) + " must be a string.");
        }
        String text = (String) value;
        return text.isEmpty() ? null : text;
    }

    String string(String key, String fallback) {
        String value = string(key);
        return value == null ? fallback : value;
    }

    String required(String key) {
        String value = string(key);
        if (value == null) {
            throw StripeError.parameterMissing(name(key));
        }
        return value;
    }

    Long longValue(String key) {
        String value = string(key);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw StripeError.invalid(name(key), "Invalid integer: " + value);
        }
    }

    long requiredLong(String key) {
        required(key);
        return longValue(key);
    }

    boolean bool(String key, boolean fallback) {
        String value = string(key);
        if (value == null) {
            return fallback;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw StripeError.invalid(name(key), "Invalid boolean: " + value);
        }
        return Boolean.parseBoolean(value);
    }

    @SuppressWarnings("unchecked")
    Params child(String key) {
        Object value = values.get(key);
        if (value == null || (value instanceof String && ((String) value).isEmpty())) {
            return new Params(Map.of(), name(key));
        }
        if (!(value instanceof Map)) {
            throw StripeError.invalid(name(key), "Invalid object: " + name(key) + " must be a hash.");
        }
        return new Params((Map<String, Object>) value, name(key));
    }

    @SuppressWarnings("unchecked")
    List<Params> list(String key) {
        Object value = values.get(key);
        List<Params> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (!(value instanceof List)) {
            throw StripeError.invalid(name(key), "Invalid array: " + name(key) + " must be an array.");
        }
        List<Object> list = (List<Object>) value;
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String itemName = name(key) + "[" + i + "]";
            if (!(item instanceof Map)) {
                throw StripeError.invalid(itemName, "Invalid object: " + itemName + " must be a hash.");
            }
            items.add(new Params((Map<String, Object>) item, itemName));
        }
        return items;
    }

    /** {@code expand[]=a&expand[]=b} as well as a single {@code expand=a}. */
    @SuppressWarnings("unchecked")
    List<String> strings(String key) {
        Object value = values.get(key);
        List<String> strings = new ArrayList<>();
        if (value instanceof String) {
            strings.add((String) value);
        } else if (value instanceof List) {
            for (Object item : (List<Object>) value) {
                strings.add(String.valueOf(item));
            }
        }
        return strings;
    }

    /** Metadata as Stripe keeps it: string values, an empty value removes the key. */
    Map<String, String> metadata() {
        Object value = values.get("metadata");
        Map<String, String> metadata = new LinkedHashMap<>();
        if (value instanceof Map) {
            ((Map<?, ?>) value).forEach((k, v) -> {
                if (!(v instanceof String)) {
                    throw StripeError.invalid(name("metadata") + "[" + k + "]", "Invalid metadata value: must be a string.");
                }
                if (!((String) v).isEmpty()) {
                    metadata.put(String.valueOf(k), (String) v);
                }
            });
        } else if (value instanceof List) {
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                metadata.put(Integer.toString(i), String.valueOf(list.get(i)));
            }
        } else if (value != null && !"".equals(value)) {
            throw StripeError.invalid(name("metadata"), "Invalid object: metadata must be a hash.");
        }
        if (metadata.size() > 50) {
            throw StripeError.invalid(name("metadata"), "Invalid metadata: a maximum of 50 keys is allowed.");
        }
        return metadata;
    }

    /** {@code created=…} or {@code created[gt|gte|lt|lte]=…}, as list endpoints filter by creation time. */
    LongPredicate range(String key) {
        Object value = values.get(key);
        if (value == null) {
            return any -> true;
        }
        if (value instanceof String) {
            long exact = longValue(key);
            return created -> created == exact;
        }
        Params bounds = child(key);
        Long gt = bounds.longValue("gt");
        Long gte = bounds.longValue("gte");
        Long lt = bounds.longValue("lt");
        Long lte = bounds.longValue("lte");
        return created -> (gt == null || created > gt) && (gte == null || created >= gte)
                && (lt == null || created < lt) && (lte == null || created <= lte);
    }
}
