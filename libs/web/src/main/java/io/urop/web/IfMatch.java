package io.urop.web;

/** If-Match headers over ETags that are a resource's version number ({@code "7"}). */
public final class IfMatch {

    private IfMatch() {
    }

    /** The version an If-Match names; null without one (or {@code *}); -1, which matches nothing, for an ETag not ours. */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
        }
        catch (NumberFormatException e) {
            return -1L;
        }
    }
}
