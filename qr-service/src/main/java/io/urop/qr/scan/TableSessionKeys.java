package io.urop.qr.scan;

import java.util.UUID;

/**
 * Every Redis key of qr-service, built here only. A tenant's keys share the prefix {@code qr:{<tenant>}:}, whose
 * {@code {tenant}} hash tag puts them in one Redis Cluster slot, so that one script may change several:
 * <ul>
 * <li>{@code <prefix>table:<table>:session}: the session at the table;</li>
 * <li>{@code <prefix>session:<session>}: the session's hash, and {@code <prefix>session:<session>:guests} and
 * {@code :devices} its guests and their phones;</li>
 * <li>{@code <prefix>scans}: the scans of each of the tenant's tables.</li>
 * </ul>
 * The scripts ({@code redis/table-session-*.lua}) are given the prefix and name a session's and its tables' keys in
 * the same shape. Outside the tenants' slots, {@link #SESSION_ENDS} holds every session by its end.
 */
final class TableSessionKeys {

    /** Every session opened and when it ends, as {@link #sessionEndsMember} scored by epoch milliseconds. */
    static final String SESSION_ENDS = "qr:session-ends";

    private TableSessionKeys() {
    }

    static String prefix(UUID tenantId) {
        return "qr:{" + tenantId + "}:";
    }

    static String table(UUID tenantId, UUID tableId) {
        return prefix(tenantId) + "table:" + tableId + ":session";
    }

    static String session(UUID tenantId, UUID sessionId) {
        return prefix(tenantId) + "session:" + sessionId;
    }

    /** Held for a minute after a session's diner asked for staff for that reason: the next ask within it adds nothing. */
    static String assistance(UUID tenantId, UUID sessionId, String reason) {
        return session(tenantId, sessionId) + ":assistance:" + reason;
    }

    static String scans(UUID tenantId) {
        return prefix(tenantId) + "scans";
    }

    static String sessionEndsMember(UUID tenantId, UUID sessionId) {
        return tenantId + "/" + sessionId;
    }

    static TableSessions.Due due(String sessionEndsMember) {
        int slash = sessionEndsMember.indexOf('/');
        return new TableSessions.Due(UUID.fromString(sessionEndsMember.substring(0, slash)),
                UUID.fromString(sessionEndsMember.substring(slash + 1)));
    }
}
