package io.urop.stripe.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** A status, a JSON body and the headers Stripe adds. */
record ApiResponse(int status, String body, Map<String, String> headers) {

    static ApiResponse ok(Map<String, Object> json) {
        return new ApiResponse(200, Json.write(json), Map.of());
    }

    static ApiResponse error(StripeError error) {
        return new ApiResponse(error.status, Json.write(error.toJson()), Map.copyOf(error.headers));
    }

    ApiResponse replayed() {
        Map<String, String> withReplay = new LinkedHashMap<>(headers);
        withReplay.put("Idempotent-Replayed", "true");
        return new ApiResponse(status, body, withReplay);
    }
}
