package io.urop.tenant.invitation;

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

/** The invitations table; every call runs in a transaction bound to the tenant. */
@Repository
class Invitations {

    private final JdbcClient jdbc;

    Invitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false if the email already has an open invitation */
    boolean insert(Invitation invitation) {
        return jdbc.sql("""
                insert into invitations (id, tenant_id, email, role, location_ids, invited_by, created_at, expires_at)
                values (?, ?, ?, ?, ?::uuid[], ?, ?, ?)
                on conflict (tenant_id, email) where accepted_at is null and revoked_at is null do nothing""")
                .params(invitation.id(), invitation.tenantId(), invitation.email(), invitation.role().name(),
                        invitation.locationIds().stream().map(UUID::toString).sorted()
                                .collect(Collectors.joining(",", "{", "}")),
                        invitation.invitedBy(), Timestamp.from(invitation.createdAt()),
                        Timestamp.from(invitation.expiresAt()))
                .update() == 1;
    }

    Optional<Invitation> find(UUID id) {
        return jdbc.sql("select * from invitations where id = ?").param(id).query(Invitations::map).optional();
    }

    /** Locks it: of two people accepting one invitation at once, one waits and then sees it accepted. */
    Optional<Invitation> findForUpdate(UUID id) {
        return jdbc.sql("select * from invitations where id = ? for update").param(id).query(Invitations::map).optional();
    }

    /** Newest first; only those {@code invitedBy} sent, unless null. */
    List<Invitation> list(UUID invitedBy, long offset, int limit) {
        return jdbc.sql("""
                select * from invitations where (cast(:by as uuid) is null or invited_by = :by)
                order by created_at desc, id offset :offset limit :limit""")
                .param("by", invitedBy).param("offset", offset).param("limit", limit)
                .query(Invitations::map).list();
    }

    long count(UUID invitedBy) {
        return jdbc.sql("select count(*) from invitations where (cast(:by as uuid) is null or invited_by = :by)")
                .param("by", invitedBy).query(Long.class).single();
    }

    /** Expired invitations of that email are closed, so that the person can be invited again. */
    void closeExpired(String email, Instant now) {
        jdbc.sql("""
                update invitations set revoked_at = expires_at
                where email = ? and accepted_at is null and revoked_at is null and expires_at <= ?""")
                .params(email, Timestamp.from(now)).update();
    }

    void markAccepted(UUID id, Instant now) {
        jdbc.sql("update invitations set accepted_at = ? where id = ?").params(Timestamp.from(now), id).update();
    }

    void markRevoked(UUID id, Instant now) {
        jdbc.sql("update invitations set revoked_at = ? where id = ?").params(Timestamp.from(now), id).update();
    }

    private static Invitation map(ResultSet rs, int row) throws SQLException {
        return new Invitation(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getString("email"), Role.valueOf(rs.getString("role")),
                Arrays.stream((Object[]) rs.getArray("location_ids").getArray()).map(UUID.class::cast)
                        .collect(Collectors.toSet()),
                rs.getObject("invited_by", UUID.class), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "accepted_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
