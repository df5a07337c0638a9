package io.urop.menu.availability;

import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The items and options each of the tenant's locations ran out of, until they are back. */
@Repository
public class UnavailableTargets {

    private final JdbcClient jdbc;

    UnavailableTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether it was available until now. */
    boolean add(UUID locationId, UUID tenantId, Unavailable target) {
        return jdbc.sql("""
                insert into unavailable (location_id, target_id, tenant_id, kind, since, marked_by)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(locationId, target.targetId(), tenantId, target.kind().name(), Timestamp.from(target.since()),
                        target.markedBy())
                .update() > 0;
    }

    /** Whether it was unavailable until now. */
    boolean remove(UUID locationId, UUID targetId) {
        return jdbc.sql("delete from unavailable where location_id = ? and target_id = ?")
                .params(locationId, targetId).update() > 0;
    }

    /** What the location ran out of, longest gone first. */
    List<Unavailable> at(UUID locationId) {
        return jdbc.sql("""
                select target_id, kind, since, marked_by from unavailable where location_id = ? order by since""")
                .param(locationId)
                .query((rs, row) -> new Unavailable(rs.getObject("target_id", UUID.class),
                        Unavailable.Kind.valueOf(rs.getString("kind")), rs.getTimestamp("since").toInstant(),
                        rs.getString("marked_by")))
                .list();
    }

    /** The ids of the items and options the location ran out of. */
    public Set<UUID> idsAt(UUID locationId) {
        return Set.copyOf(jdbc.sql("select target_id from unavailable where location_id = ?").param(locationId)
                .query(UUID.class).list());
    }
}
