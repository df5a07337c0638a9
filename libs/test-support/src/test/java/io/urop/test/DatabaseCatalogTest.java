package io.urop.test;

import io.urop.infra.DatabaseAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog check every service runs must catch each way an application role could escape row-level security. */
class DatabaseCatalogTest {

    private final DatabaseAccounts accounts = TestInfrastructure.get().database("catalog_check");
    private final JdbcTemplate owner = connect(accounts.ownerUser(), accounts.ownerPassword());
    private final JdbcTemplate app = connect(accounts.appUser(), accounts.appPassword());

    @Test
    void aTenantTableWithoutForcedRowLevelSecurityIsCaughtAndAProtectedOnePasses() {
        owner.execute("drop table if exists dishes");
        owner.execute("create table dishes (id uuid primary key, tenant_id uuid not null)");
        assertThatThrownBy(this::check).hasMessageContaining("dishes");

        owner.execute("alter table dishes enable row level security");
        assertThatThrownBy(this::check).as("enabled but not forced").hasMessageContaining("dishes");

        owner.execute("alter table dishes force row level security");
        assertThatThrownBy(this::check).as("forced but without a policy").hasMessageContaining("dishes");

        owner.execute("""
                create policy tenant_isolation on dishes
                    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)""");
        assertThatCode(this::check).doesNotThrowAnyException();
        owner.execute("drop table dishes");
    }

    @Test
    void aSuperuserOrTheOwnerIsNotAnApplicationRole() {
        JdbcTemplate superuser = Databases.asSuperuser("catalog_check");
        owner.execute("create table if not exists owned_by_owner (id integer)");

        assertThatThrownBy(() -> DatabaseCatalog.assertApplicationRoleIsConfined(superuser, "postgres"))
                .hasMessageContaining("superuser");
        assertThatThrownBy(() -> DatabaseCatalog.assertApplicationRoleIsConfined(owner, accounts.ownerUser()))
                .isInstanceOf(AssertionError.class);
    }

    private void check() {
        DatabaseCatalog.assertApplicationRoleIsConfined(app, accounts.appUser());
    }

    private JdbcTemplate connect(String user, String password) {
        return new JdbcTemplate(new SingleConnectionDataSource(accounts.jdbcUrl(), user, password, true));
    }
}
