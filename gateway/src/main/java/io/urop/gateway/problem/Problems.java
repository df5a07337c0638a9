package io.urop.gateway.problem;

import java.net.URI;

/** The stable {@code type} of every problem the gateway answers with (same base as the services' libs/web). */
public final class Problems {

    private static final String BASE = "https://urop.io/problems/";

    public static final URI SERVICE_UNAVAILABLE = URI.create(BASE + "service-unavailable");
    public static final URI GATEWAY_TIMEOUT = URI.create(BASE + "gateway-timeout");
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");
    public static final URI BAD_REQUEST = URI.create(BASE + "bad-request");
    public static final URI UNEXPECTED = URI.create(BASE + "unexpected");
    public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");
    public static final URI TOO_MANY_REQUESTS = URI.create(BASE + "too-many-requests");
    public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");

    private Problems() {
    }
}
