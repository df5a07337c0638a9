package io.urop.qr.location;

import java.util.Optional;
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

    public Optional<KnownLocation> find(UUID locationId) {
        return jdbc.sql("select id, name, open from locations where id = ?").param(locationId)
                .query((rs, row) -> new KnownLocation(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getBoolean("open")))
                .optional();
    }

    /** @param open whether it serves: false once its owner closed it */
    public record KnownLocation(UUID id, String name, boolean open) {
    }
}
