package io.urop.stripe.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error answered the way Stripe answers it: an HTTP status and {@code {"error": {...}}}. */
final class StripeError extends RuntimeException {

    final int status;
    final String type;
    final String code;
    final String param;
    final Map<String, String> headers = new LinkedHashMap<>();
    final Map<String, Object> extra = new LinkedHashMap<>();

    StripeError(int status, String type, String code, String param, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static StripeError invalid(String param, String message) {
        return new StripeError(400, "invalid_request_error", null, param, message);
    }

    static StripeError invalid(String code, String param, String message) {
        return new StripeError(400, "invalid_request_error", code, param, message);
    }

    static StripeError parameterMissing(String param) {
        return new StripeError(400, "invalid_request_error", "parameter_missing", param,
                "Missing required param: " + param + ".");
    }

    static StripeError resourceMissing(String objectName, String id, String param) {
        return new StripeError(404, "invalid_request_error", "resource_missing", param,
                "No such " + objectName + ": '" + id + "'");
    }

    static StripeError unauthenticated(String message) {
        return new StripeError(401, "invalid_request_error", null, null, message);
    }

    /** The same error with another HTTP status. */
    StripeError status(int otherStatus) {
        StripeError copy = new StripeError(otherStatus, type, code, param, getMessage());
        copy.headers.putAll(headers);
        copy.extra.putAll(extra);
        return copy;
    }

    StripeError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    StripeError with(String field, Object value) {
        extra.put(field, value);
        return this;
    }

    Map<String, Object> toJson() {
        Map<String, Object> error = new LinkedHashMap<>();
        if (code != null) {
            error.put("code", code);
        }
        error.put("message", getMessage());
        if (param != null) {
            error.put("param", param);
        }
        error.putAll(extra);
        error.put("type", type);
        return Map.of("error", error);
    }
}
