package io.urop.order.location;

import java.util.UUID;

import io.urop.order.Team;
import io.urop.security.CurrentUser;
import io.urop.web.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * Who may act at a location: a member of the team the rule names (else 403), at a location of its tenant that its
 * token does not keep it from (else 404, as for a location that does not exist, so that ids cannot be probed).
 */
@Component
public class LocationAccess {

    private final Locations locations;

    LocationAccess(Locations locations) {
        this.locations = locations;
    }

    /** @return the location, for callers that need it too */
    public Location require(CurrentUser user, UUID locationId, Team team) {
        team.require(user);
        if (!user.mayAccessLocation(locationId)) {
            throw new NotFoundException("No such location");
        }
        return locations.find(locationId).orElseThrow(() -> new NotFoundException("No such location"));
    }
}
