package io.urop.auth.account;

import java.util.List;
import java.util.UUID;

import io.urop.auth.AuthClient;
import io.urop.events.Uuid7;
import io.urop.contracts.Role;
import io.urop.test.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the application role itself can see, over one connection (a pool of one) that alternates
 * between tenants: only the bound tenant's rows, none when no tenant is bound, and by a lookup key
 * only the one row it names, read-only.
 */
@ServiceIntegrationTest
class RowLevelSecurityTest {

    private static final List<String> TENANT_TABLES = List.of("accounts", "sessions", "refresh_tokens", "audit_events");

    @Autowired
    RestTestClient http;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String applicationRole;

    @Value("${spring.datasource.password}")
    String password;

    UUID tenantA = Uuid7.next();
    UUID tenantB = Uuid7.next();
    String emailB = AuthClient.uniqueEmail("b-owner");

    JdbcTemplate jdbc;
    TransactionTemplate transactions;

    @BeforeEach
    void twoTenantsWithSignedInOwners() {
        AuthClient auth = new AuthClient(http);
        String emailA = AuthClient.uniqueEmail("a-owner");
        auth.createAccount(tenantA, emailA, Role.OWNER);
        auth.createAccount(tenantB, emailB, Role.OWNER);
        auth.signIn(emailA);
        auth.signIn(emailB);
        SingleConnectionDataSource oneConnection = new SingleConnectionDataSource(url, applicationRole, password, true);
        jdbc = new JdbcTemplate(oneConnection);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(oneConnection));
    }

    @Test
    void alternatingTenantsOnOneConnectionNeverSeeEachOthersRows() {
        for (int round = 0; round < 3; round++) {
            for (UUID tenant : List.of(tenantA, tenantB)) {
                UUID other = tenant.equals(tenantA) ? tenantB : tenantA;
                transactions.executeWithoutResult(status -> {
                    bindTenant(tenant);
                    for (String table : TENANT_TABLES) {
                        assertThat(count(table, tenant)).as(table + " of the bound tenant").isPositive();
                        assertThat(count(table, other)).as(table + " of the other tenant").isZero();
                        assertThat(jdbc.queryForObject("select count(*) from " + table + " where tenant_id <> ?",
                                Integer.class, tenant)).as(table).isZero();
                    }
                });
            }
            // the binding ends with its transaction: the next one on this connection starts with none
            transactions.executeWithoutResult(status -> TENANT_TABLES.forEach(table ->
                    assertThat(jdbc.queryForObject("select count(*) from " + table, Integer.class))
                            .as(table + " with no tenant bound").isZero()));
        }
    }

    @Test
    void aLookupKeyShowsOnlyTheRowItNamesAndAllowsNoWrite() {
        transactions.executeWithoutResult(status -> {
            jdbc.queryForObject("select set_config('app.lookup', ?, true)", String.class, emailB);
            assertThat(jdbc.queryForList("select tenant_id from accounts", UUID.class)).containsExactly(tenantB);
            assertThat(jdbc.update("update accounts set active = false where email = ?", emailB)).isZero();
            assertThat(jdbc.update("delete from accounts where email = ?", emailB)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from sessions", Integer.class)).isZero();
        });
    }

    private void bindTenant(UUID tenant) {
        jdbc.queryForObject("select set_config('app.tenant_id', ?, true)", String.class, tenant.toString());
    }

    private int count(String table, UUID tenant) {
        return jdbc.queryForObject("select count(*) from " + table + " where tenant_id = ?", Integer.class, tenant);
    }
}
