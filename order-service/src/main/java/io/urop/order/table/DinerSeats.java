package io.urop.order.table;

import java.util.UUID;

import io.urop.contracts.AccessTokenClaims;
import io.urop.contracts.Role;
import io.urop.security.CurrentUser;
import io.urop.security.VerifiedToken;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Where a diner sits, as its token says: its tenant, location, table and table session, and the guest it is (the
 * token's subject). The session is the one it is in now: after staff merged it into another, that other one, so a
 * diner still holding its first token orders, shares the cart and reads the orders and tab of the session it went into.
 */
@Component
public class DinerSeats {

    private final MergedSessions mergedSessions;

    DinerSeats(MergedSessions mergedSessions) {
        this.mergedSessions = mergedSessions;
    }

    /** @throws AccessDeniedException 403 when the token is no seated diner's */
    public Seat of(VerifiedToken token) {
        UUID table = uuid(token.claims().get(AccessTokenClaims.TABLE));
        CurrentUser diner = CurrentUser.of(token);
        if (table == null || diner.locations().size() != 1) {
            throw new AccessDeniedException("Only a diner seated at a table does this");
        }
        return new Seat(diner.requireTenant(), diner.locations().iterator().next(), table, session(diner),
                diner.subject());
    }

    /**
     * The table session a diner's token names ({@code sid}), as it is now.
     *
     * @throws AccessDeniedException 403 when the caller is no diner with a session
     */
    public UUID session(CurrentUser diner) {
        UUID session = diner.hasRole(Role.DINER) ? uuid(diner.sessionId()) : null;
        if (session == null) {
            throw new AccessDeniedException("Only a diner seated at a table does this");
        }
        return mergedSessions.current(session);
    }

    private static UUID uuid(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.toString());
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @param guest the diner's token subject: who added a cart line, who may change it */
    public record Seat(UUID tenant, UUID location, UUID table, UUID session, String guest) {
    }
}
