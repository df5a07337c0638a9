package io.urop.menu.location;

import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The tenant's locations as tenant-service announced them; another tenant's are not among them. */
@Component
public class KnownLocations {

    private final JdbcClient jdbc;

    KnownLocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean allKnown(Set<UUID> locationIds) {
        if (locationIds.isEmpty()) {
            return true;
        }
        return jdbc.sql("select count(*) from locations where id = any(?)").param(locationIds.toArray(UUID[]::new))
                .query(Long.class).single() == locationIds.size();
    }
}
