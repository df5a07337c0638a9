package io.urop.tenant;

import java.util.UUID;

import io.urop.security.CurrentUser;
import io.urop.contracts.Role;
import io.urop.web.NotFoundException;

import org.springframework.security.access.AccessDeniedException;

/**
 * The tenant in a path ({@code /api/v1/tenants/{tenantId}/...}) must be the caller's own, from the
 * verified token; any other answers 404 as if it did not exist, so tenant ids cannot be probed. Those
 * paths are for the tenant's people; a table's guest (DINER) reads its location's public profile only.
 */
public final class TenantScope {

    private TenantScope() {
    }

    /** The caller, one of the tenant's people (OWNER, MANAGER, STAFF, KITCHEN); anyone else 403, whatever the ids. */
    public static CurrentUser require(UUID tenantIdInPath) {
        CurrentUser user = requireAnyone(tenantIdInPath);
        if (Role.staff().stream().noneMatch(user::hasRole)) {
            throw new AccessDeniedException("Only the restaurant's people may do this");
        }
        return user;
    }

    /** The caller with any role, table guests included: only for what a diner may read. */
    public static CurrentUser requireAnyone(UUID tenantIdInPath) {
        CurrentUser user = CurrentUser.require();
        if (!tenantIdInPath.equals(user.tenantId())) {
            throw new NotFoundException("No such tenant");
        }
        return user;
    }
}
