package io.urop.menu.diner;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.urop.contracts.Role;
import io.urop.contracts.DenyList;
import io.urop.menu.location.MenuAudience;
import io.urop.security.AccessTokenVerifier;
import io.urop.security.InvalidAccessTokenException;
import io.urop.security.VerifiedToken;
import io.urop.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the caller may read a location's menu. A public menu: anyone, whatever token comes with the request
 * (the path is public, so a stale token must not turn it into a 401). A menu for table guests: a valid access
 * token whose session is not on the deny-list (a closed table session's diners' are), checked here since the gateway
 * and the security chain leave public paths alone, that is a diner token for that very location or a token of the
 * tenant's staff who may act there. No token, or a refused one, is a 401; a valid token for another location or
 * tenant gets the same 404 as a location without a menu, so ids cannot be probed.
 */
@Component
class AudienceCheck {

    private static final Logger log = LoggerFactory.getLogger(AudienceCheck.class);

    static final String TABLE_CLAIM = "tbl";

    private final AccessTokenVerifier verifier;
    private final StringRedisTemplate redis;

    AudienceCheck(AccessTokenVerifier verifier, StringRedisTemplate redis) {
        this.verifier = verifier;
        this.redis = redis;
    }

    /** @param authorization the request's Authorization header, or null */
    void requireReader(CachedMenu menu, UUID locationId, String authorization) {
        if (menu.audience() == MenuAudience.PUBLIC) {
            return;
        }
        String token = bearerToken(authorization);
        if (token == null) {
            throw TableGuestsOnly.tokenRequired();
        }
        VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        }
        catch (InvalidAccessTokenException e) {
            log.debug("Refused a token for the menu of location {}: {}", locationId, e.getMessage());
            throw TableGuestsOnly.tokenRefused();
        }
        if (Boolean.TRUE.equals(redis.hasKey(DenyList.key(verified.sessionId())))) {
            log.debug("Refused a token of revoked session {} for the menu of location {}", verified.sessionId(), locationId);
            throw TableGuestsOnly.tokenRefused();
        }
        if (!menu.tenantId().equals(verified.tenantId()) || !(isGuestAt(verified, locationId)
                || isStaffAt(verified, locationId))) {
            throw new NotFoundException("No menu is published for this location");
        }
    }

    private static boolean isGuestAt(VerifiedToken token, UUID locationId) {
        return token.hasRole(Role.DINER) && token.locations().equals(Set.of(locationId))
                && token.claims().get(TABLE_CLAIM) instanceof String table && !table.isBlank();
    }

    private static boolean isStaffAt(VerifiedToken token, UUID locationId) {
        return Role.staff().stream().anyMatch(token::hasRole) && token.mayAccessLocation(locationId);
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return null;
        }
        String token = authorization.substring("bearer ".length()).strip();
        return token.isEmpty() ? null : token;
    }
}
