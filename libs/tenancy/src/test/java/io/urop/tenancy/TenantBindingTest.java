package io.urop.tenancy;

import java.util.List;
import java.util.UUID;

import io.urop.infra.DatabaseAccounts;
import io.urop.infra.DatabaseProvisioner;
import io.urop.infra.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Row-level security through the binding transaction manager, with a pool of ONE connection, so
 * every transaction reuses the connection the previous tenant had.
 */
@SpringBootTest(properties = {"spring.datasource.hikari.maximum-pool-size=1", "spring.jpa.hibernate.ddl-auto=none",
        "spring.jpa.open-in-view=false"})
class TenantBindingTest {

    private static final PostgresServer POSTGRES = PostgresServer.start(null);

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DatabaseAccounts accounts = new DatabaseProvisioner(POSTGRES.serverUrl(), POSTGRES.superUser(),
                POSTGRES.superPassword()).provision("tenancy", "owner-secret", "app-secret");
        JdbcTemplate owner = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                accounts.jdbcUrl(), accounts.ownerUser(), accounts.ownerPassword()));
        owner.execute("""
                create table notes (id uuid primary key, tenant_id uuid not null, body text not null);
                alter table notes enable row level security;
                alter table notes force row level security;
                create policy tenant_isolation on notes
                    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)""");
        registry.add("spring.datasource.url", accounts::jdbcUrl);
        registry.add("spring.datasource.username", accounts::appUser);
        registry.add("spring.datasource.password", accounts::appPassword);
    }

    @AfterAll
    static void stop() {
        POSTGRES.close();
    }

    @Autowired
    NoteRepository notes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void alternatingTenantsOnOneConnectionNeverSeeEachOther() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            UUID tenant = i % 2 == 0 ? a : b;
            TenantContext.runAs(tenant, () -> transaction.executeWithoutResult(
                    status -> notes.save(new Note(UUID.randomUUID(), tenant, "note of " + tenant))));
        }

        for (int i = 0; i < 10; i++) {
            assertThat(bodiesSeenBy(a)).hasSize(10).allMatch(body -> body.equals("note of " + a));
            assertThat(bodiesSeenBy(b)).hasSize(10).allMatch(body -> body.equals("note of " + b));
            assertThat(bodiesSeenBy(null)).as("no tenant bound: no rows, never all rows").isEmpty();
        }
    }

    @Test
    void jdbcWorkInTheTransactionIsScopedToo() {
        TenantContext.runAs(A, () -> transaction.executeWithoutResult(
                status -> notes.save(new Note(UUID.randomUUID(), A, "by jpa"))));

        Long seenByB = TenantContext.callAs(B,
                () -> transaction.execute(status -> jdbc.queryForObject("select count(*) from notes", Long.class)));
        Long seenByA = TenantContext.callAs(A,
                () -> transaction.execute(status -> jdbc.queryForObject("select count(*) from notes", Long.class)));

        assertThat(seenByB).isZero().isNotNull();
        assertThat(seenByA).isPositive();
    }

    @Test
    void aRepositoryReadWithoutTransactionOrTenantSeesNothing() {
        TenantContext.runAs(A, () -> transaction.executeWithoutResult(
                status -> notes.save(new Note(UUID.randomUUID(), A, "private"))));

        assertThat(notes.findAll()).isEmpty();
        assertThat(notes.count()).isZero();
    }

    @Test
    void aTenantCannotWriteARowIntoAnotherTenant() {
        assertThatThrownBy(() -> TenantContext.runAs(A, () -> transaction.executeWithoutResult(
                status -> notes.saveAndFlush(new Note(UUID.randomUUID(), B, "smuggled")))))
                .hasRootCauseMessage("ERROR: new row violates row-level security policy for table \"notes\"");
    }

    @Test
    void theTransactionManagerIsTheBindingOne() {
        assertThat(transactionManager).isInstanceOf(TenantBindingJpaTransactionManager.class);
    }

    private List<String> bodiesSeenBy(UUID tenant) {
        return TenantContext.callAs(tenant, () -> transaction.execute(
                status -> notes.findAll().stream().map(Note::body).toList()));
    }

    @SpringBootApplication
    static class TestApplication {
    }
}
