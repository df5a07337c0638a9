package io.urop.tenant;

import java.util.UUID;

import io.urop.security.CurrentUser;
import io.urop.web.NotFoundException;

/**
 * The tenant in a path ({@code /api/v1/tenants/{tenantId}/...}) must be the caller's own, from the
 * verified token; any other answers 404 as if it did not exist, so tenant ids cannot be probed.
 */
public final class TenantScope {

    private TenantScope() {
    }

    public static CurrentUser require(UUID tenantIdInPath) {
        CurrentUser user = CurrentUser.require();
        if (!tenantIdInPath.equals(user.tenantId())) {
            throw new NotFoundException("No such tenant");
        }
        return user;
    }
}
