package io.urop.auth.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.urop.tenancy.Lookup;
import io.urop.contracts.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The accounts table. Callers run in a transaction bound to the account's tenant, except {@link #findByEmail}. */
@Repository
public class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The account of that email, whatever the tenant: its own transaction binds the email as its lookup
     * key, which the {@code lookup_by_email} policy lets it read (and nothing else), and the binding
     * ends with it rather than widening a caller's transaction.
     */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    public Optional<Account> findByEmail(String email) {
        Lookup.bind(jdbc, normalise(email));
        return jdbc.sql("select * from accounts where email = ?").param(normalise(email)).query(Accounts::map).optional();
    }

    public Optional<Account> findById(UUID id) {
        return jdbc.sql("select * from accounts where id = ?").param(id).query(Accounts::map).optional();
    }

    /** @return false if the email is already taken (by any tenant) */
    public boolean insert(Account account, Instant now) {
        int rows = jdbc.sql("""
                insert into accounts (id, tenant_id, email, password_hash, roles, location_ids, active, created_at,
                                      password_changed_at)
                values (:id, :tenant, :email, :hash, :roles::text[], :locations::uuid[], :active, :now, :now)
                on conflict (email) do nothing""")
                .param("id", account.id()).param("tenant", account.tenantId()).param("email", normalise(account.email()))
                .param("hash", account.passwordHash()).param("roles", arrayLiteral(account.roles()))
                .param("locations", arrayLiteral(account.locationIds())).param("active", account.active())
                .param("now", Timestamp.from(now))
                .update();
        return rows == 1;
    }

    public void changePassword(UUID id, String passwordHash, Instant now) {
        jdbc.sql("update accounts set password_hash = ?, password_changed_at = ? where id = ?")
                .params(passwordHash, Timestamp.from(now), id).update();
    }

    public boolean changeAccess(UUID id, Set<Role> roles, Set<UUID> locationIds) {
        return jdbc.sql("update accounts set roles = ?::text[], location_ids = ?::uuid[] where id = ?")
                .params(arrayLiteral(roles), arrayLiteral(locationIds), id).update() == 1;
    }

    public boolean deactivate(UUID id) {
        return jdbc.sql("update accounts set active = false where id = ? and active").param(id).update() == 1;
    }

    public static String normalise(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : elements(rs.getArray("roles"))) {
            Role.of((String) name).ifPresent(roles::add);
        }
        Set<UUID> locations = Arrays.stream(elements(rs.getArray("location_ids"))).map(UUID.class::cast)
                .collect(Collectors.toSet());
        return new Account(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getString("email"), rs.getString("password_hash"), roles, locations, rs.getBoolean("active"));
    }

    private static Object[] elements(Array array) throws SQLException {
        return array == null ? new Object[0] : (Object[]) array.getArray();
    }

    /** A PostgreSQL array literal of enum names or UUIDs, which need no quoting. */
    private static String arrayLiteral(Set<?> values) {
        return values.stream().map(Object::toString).sorted().collect(Collectors.joining(",", "{", "}"));
    }
}
