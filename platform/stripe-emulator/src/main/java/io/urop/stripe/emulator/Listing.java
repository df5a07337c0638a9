package io.urop.stripe.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One page of a list endpoint: {@code limit} (1–100, default 10) and the {@code starting_after}/{@code ending_before} cursors. */
final class Listing {

    private Listing() {
    }

    static <T extends ApiObject> Map<String, Object> page(List<T> newestFirst, Params params, String url,
            Function<T, Map<String, Object>> toJson) {
        long limit = params.has("limit") ? params.longValue("limit") : 10;
        if (limit < 1 || limit > 100) {
            throw StripeError.invalid("limit", "This value must be greater than or equal to 1 and less than or equal to 100.");
        }
        String startingAfter = params.string("starting_after");
        String endingBefore = params.string("ending_before");
        List<T> page;
        boolean hasMore;
        if (startingAfter != null) {
            List<T> older = newestFirst.subList(indexOf(newestFirst, startingAfter, "starting_after") + 1, newestFirst.size());
            page = older.subList(0, (int) Math.min(limit, older.size()));
            hasMore = older.size() > limit;
        } else if (endingBefore != null) {
            List<T> newer = newestFirst.subList(0, indexOf(newestFirst, endingBefore, "ending_before"));
            page = newer.subList((int) Math.max(0, newer.size() - limit), newer.size());
            hasMore = newer.size() > limit;
        } else {
            page = newestFirst.subList(0, (int) Math.min(limit, newestFirst.size()));
            hasMore = newestFirst.size() > limit;
        }
        List<Map<String, Object>> data = new ArrayList<>();
        for (T item : page) {
            data.add(toJson.apply(item));
        }
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("data", data);
        list.put("has_more", hasMore);
        list.put("url", url);
        return list;
    }

    private static int indexOf(List<? extends ApiObject> items, String id, String param) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id.equals(id)) {
                return i;
            }
        }
        throw StripeError.invalid("resource_missing", param, "No such object: '" + id + "'");
    }
}
