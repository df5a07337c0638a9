package io.urop.test;

import java.util.UUID;

import io.urop.infra.DatabaseAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The isolation check every service runs must catch a policy that lets one tenant see another's rows. */
class TenantIsolationTest {

    private final DatabaseAccounts accounts = TestInfrastructure.get().database("isolation_check");
    private final JdbcTemplate owner = new JdbcTemplate(
            new SingleConnectionDataSource(accounts.jdbcUrl(), accounts.ownerUser(), accounts.ownerPassword(), true));
    private final JdbcTemplate superuser = Databases.asSuperuser("isolation_check");

    @BeforeEach
    void twoTenantsRows() {
        owner.execute("drop table if exists tables_served");
        owner.execute("create table tables_served (id uuid primary key, tenant_id uuid not null)");
        owner.execute("alter table tables_served enable row level security");
        owner.execute("alter table tables_served force row level security");
        for (UUID tenant : new UUID[] { UUID.randomUUID(), UUID.randomUUID() }) {
            for (int row = 0; row <= 2; row++) {
                superuser.update("insert into tables_served values (?, ?)", UUID.randomUUID(), tenant);
            }
        }
    }

    @AfterEach
    void dropIt() {
        owner.execute("drop table tables_served");
    }

    @Test
    void theTenantPolicyPasses() {
        owner.execute("""
                create policy tenant_isolation on tables_served
                    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)""");
        assertThatCode(this::check).doesNotThrowAnyException();
    }

    @Test
    void aPolicyThatShowsEveryRowIsCaught() {
        owner.execute("create policy leaky on tables_served using (true)");
        assertThatThrownBy(this::check).hasMessageContaining("tables_served");
    }

    @Test
    void aPolicyThatShowsEverythingWhenNoTenantIsBoundIsCaught() {
        owner.execute("""
                create policy unbound_sees_all on tables_served
                    using (coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, tenant_id) = tenant_id)""");
        assertThatThrownBy(this::check).hasMessageContaining("no tenant bound");
    }

    private void check() {
        TenantIsolation.assertTenantsNeverLeak(accounts.jdbcUrl(), accounts.appUser(), accounts.appPassword(), superuser);
    }
}
