package io.urop.tenant.staff;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.urop.contracts.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The members table; every call runs in a transaction bound to the tenant. */
@Repository
public class Members {

    private final JdbcClient jdbc;

    Members(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Member member) {
        jdbc.sql("""
                insert into members (id, tenant_id, email, display_name, role, location_ids, active, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?::uuid[], ?, ?, ?)""")
                .params(member.id(), member.tenantId(), member.email(), member.displayName(), member.role().name(),
                        uuidArray(member.locationIds()), member.active(), Timestamp.from(member.createdAt()),
                        Timestamp.from(member.createdAt()))
                .update();
    }

    public Optional<Member> find(UUID id) {
        return jdbc.sql("select * from members where id = ?").param(id).query(Members::map).optional();
    }

    public Optional<Member> findByEmail(String email) {
        return jdbc.sql("select * from members where email = ?").param(email).query(Members::map).optional();
    }

    /** @return false if the member changed since {@code expectedVersion} */
    public boolean changeAccess(UUID id, Role role, java.util.Set<UUID> locationIds, long expectedVersion, Instant now) {
        return jdbc.sql("""
                update members set role = ?, location_ids = ?::uuid[], updated_at = ?, version = version + 1
                where id = ? and version = ?""")
                .params(role.name(), uuidArray(locationIds), Timestamp.from(now), id, expectedVersion).update() == 1;
    }

    public boolean deactivate(UUID id, Instant now) {
        return jdbc.sql("update members set active = false, updated_at = ?, version = version + 1 where id = ? and active")
                .params(Timestamp.from(now), id).update() == 1;
    }

    public List<Member> list(long offset, int limit) {
        return jdbc.sql("select * from members order by display_name, id offset ? limit ?").params(offset, limit)
                .query(Members::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from members").query(Long.class).single();
    }

    private static String uuidArray(java.util.Set<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    private static Member map(ResultSet rs, int row) throws SQLException {
        Array locations = rs.getArray("location_ids");
        return new Member(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getString("email"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                Arrays.stream((Object[]) locations.getArray()).map(UUID.class::cast).collect(Collectors.toSet()),
                rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    }

}
