package io.urop.test;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks, in PostgreSQL's own catalog, that a service's application role cannot escape row-level security. */
public final class DatabaseCatalog {

    private DatabaseCatalog() {
    }

    /**
     * @param app a connection as the service's application role
     */
    public static void assertApplicationRoleIsConfined(JdbcTemplate app, String expectedRole) {
        assertThat(app.queryForObject("select current_user", String.class)).isEqualTo(expectedRole);
        assertThat(app.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class))
                .as("application role is a superuser").isFalse();
        assertThat(app.queryForObject("select rolbypassrls from pg_roles where rolname = current_user", Boolean.class))
                .as("application role may bypass row-level security").isFalse();
        assertThat(app.queryForList("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and pg_get_userbyid(c.relowner) = current_user""", String.class))
                .as("objects owned by the application role").isEmpty();

        List<String> tenantTables = app.queryForList("""
                select c.relname from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                where n.nspname = 'public' and c.relkind in ('r', 'p')""", String.class);
        List<String> unprotected = app.queryForList("""
                select c.relname from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                where n.nspname = 'public' and c.relkind in ('r', 'p')
                  and not (c.relrowsecurity and c.relforcerowsecurity)""", String.class);
        assertThat(unprotected).as("tables with a tenant_id but without enabled and forced row-level security (of %s)",
                tenantTables).isEmpty();
        List<String> withoutPolicy = app.queryForList("""
                select c.relname from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                where n.nspname = 'public' and c.relkind in ('r', 'p')
                  and not exists (select 1 from pg_policy p where p.polrelid = c.oid)""", String.class);
        assertThat(withoutPolicy).as("tenant tables without a policy").isEmpty();
    }
}
