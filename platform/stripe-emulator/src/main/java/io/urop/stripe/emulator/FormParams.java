package io.urop.stripe.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads Stripe's form encoding, where brackets nest: {@code metadata[order_id]=7},
 * {@code line_items[0][price_data][currency]=eur} and {@code expand[]=payment_intent} become maps and lists.
 */
final class FormParams {

    private FormParams() {
    }

    static Params parse(String encoded) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                put(root, segments(key), value);
            }
        }
        return new Params(listify(root), "");
    }

    /** The pairs in a stable order, to compare two requests' parameters regardless of how they were ordered. */
    static String canonical(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : encoded.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                pairs.add(decode(equals < 0 ? pair : pair.substring(0, equals)) + "="
                        + (equals < 0 ? "" : decode(pair.substring(equals + 1))));
            }
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static List<String> segments(String key) {
        List<String> segments = new ArrayList<>();
        int open = key.indexOf('[');
        if (open < 0 || !key.endsWith("]")) {
            segments.add(key);
            return segments;
        }
        segments.add(key.substring(0, open));
        for (String inner : key.substring(open + 1, key.length() - 1).split("\\]\\[", -1)) {
            segments.add(inner);
        }
        return segments;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> segments, String value) {
        Map<String, Object> current = root;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.isEmpty()) {
                // "expand[]": the next position of the list
                segment = Integer.toString(current.size());
            }
            if (i == segments.size() - 1) {
                current.put(segment, value);
                return;
            }
            Object child = current.get(segment);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                current.put(segment, child);
            }
            current = (Map<String, Object>) child;
        }
    }

    /** Maps whose keys are all indexes are the lists the client encoded. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> listify(Map<String, Object> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(key, value instanceof Map ? listOrMap((Map<String, Object>) value) : value));
        return result;
    }

    private static Object listOrMap(Map<String, Object> map) {
        Map<String, Object> converted = listify(map);
        if (converted.isEmpty() || !converted.keySet().stream().allMatch(k -> k.matches("\\d{1,6}"))) {
            return converted;
        }
        TreeMap<Integer, Object> byIndex = new TreeMap<>();
        converted.forEach((key, value) -> byIndex.put(Integer.parseInt(key), value));
        return new ArrayList<>(byIndex.values());
    }
}
