package io.urop.notification.socket;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.urop.contracts.Role;
import io.urop.notification.push.PushStream;
import io.urop.security.CurrentUser;
import io.urop.security.VerifiedToken;

/**
 * Who holds a socket, as the access token that asked for its ticket said: its tenant, roles, locations and session
 * ({@code sid}: a login's, or a diner's table session), and when that token expires, which ends the socket too.
 */
record Viewer(UUID tenantId, String subject, Set<Role> roles, Set<UUID> locations, String sessionId,
        Instant expiresAt) {

    private static final Set<Role> STAFF = Set.of(Role.OWNER, Role.MANAGER, Role.STAFF, Role.KITCHEN);

    static Viewer of(VerifiedToken token) {
        CurrentUser user = CurrentUser.of(token);
        return new Viewer(user.requireTenant(), user.subject(), user.roles(), user.locations(), user.sessionId(),
                token.expiresAt());
    }

    /**
     * A diner reads its own table session's stream and the menu of its location; staff (the kitchen included) read
     * the stations and locations they work at, and their menus.
     */
    boolean mayRead(PushStream stream) {
        if (roles.contains(Role.DINER)) {
            switch (stream.kind()) {
                case SESSION:
                    return stream.id().toString().equals(sessionId);
                case MENU:
                    return locations.contains(stream.id());
                default:
                    return false;
            }
        }
        if (roles.stream().noneMatch(STAFF::contains) || stream.kind() == PushStream.Kind.SESSION) {
            return false;
        }
        return locations.isEmpty() || locations.contains(stream.id());
    }
}
