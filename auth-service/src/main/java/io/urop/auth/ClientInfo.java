package io.urop.auth;

import jakarta.servlet.http.HttpServletRequest;

/** Where a request came from, for sessions and the audit log (the gateway's X-Forwarded-For, resolved by the server). */
public record ClientInfo(String ip, String userAgent) {

    private static final int MAX_USER_AGENT = 512;

    public static ClientInfo of(HttpServletRequest request) {
        String userAgent = request.getHeader("User-Agent");
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
        return new ClientInfo(request.getRemoteAddr(), userAgent);
    }
}
