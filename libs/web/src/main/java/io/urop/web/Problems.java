package io.urop.web;

import java.net.URI;

/** The stable {@code type} of every problem the platform answers with. */
public final class Problems {

    private static final String BASE = "https://urop.io/problems/";

    public static final URI VALIDATION = URI.create(BASE + "validation");
    public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI CONFLICT = URI.create(BASE + "conflict");
    public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");
    public static final URI UNEXPECTED = URI.create(BASE + "unexpected");
    public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    public static final URI SERVICE_UNAVAILABLE = URI.create(BASE + "service-unavailable");

    private Problems() {
    }
}
