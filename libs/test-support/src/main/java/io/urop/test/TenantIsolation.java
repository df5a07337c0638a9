package io.urop.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the application role sees of each tenant table over one connection (a pool of one) that
 * alternates between tenants, bound the way libs/tenancy binds them ({@code set_config(..., true)} per
 * transaction): exactly the bound tenant's rows, as the superuser counts them, and none at all when no
 * tenant is bound, also right after a transaction that had one.
 */
public final class TenantIsolation {

    private TenantIsolation() {
    }

    public static void assertTenantsNeverLeak(String url, String applicationRole, String password, JdbcTemplate superuser) {
        List<String> tables = superuser.queryForList("""
                select c.relname from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1""", String.class);
        SingleConnectionDataSource oneConnection = new SingleConnectionDataSource(url, applicationRole, password, true);
        try {
            JdbcTemplate app = new JdbcTemplate(oneConnection);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(oneConnection));
            for (String table : tables) {
                // two tenants that have rows (if any), and one that surely has none
                List<UUID> tenants = new ArrayList<>(superuser.queryForList(
                        "select tenant_id from " + table + " group by tenant_id order by count(*) desc limit 2", UUID.class));
                tenants.add(UUID.randomUUID());
                for (int round = 0; round < 2; round++) {
                    for (UUID tenant : tenants) {
                        long expected = superuser.queryForObject(
                                "select count(*) from " + table + " where tenant_id = ?", Long.class, tenant);
                        Map<String, Object> seen = transactions.execute(status -> {
                            app.queryForObject("select set_config('app.tenant_id', ?, true)", String.class,
                                    tenant.toString());
                            return app.queryForMap("select count(*) as rows, count(*) filter (where tenant_id <> ?) as others from "
                                    + table, tenant);
                        });
                        assertThat(((Number) seen.get("rows")).longValue()).as(table + " rows of the bound tenant")
                                .isEqualTo(expected);
                        assertThat(((Number) seen.get("others")).longValue()).as(table + " rows of other tenants").isZero();
                        Long unbound = transactions.execute(status -> app.queryForObject("select count(*) from " + table,
                                Long.class));
                        assertThat(unbound).as(table + " rows with no tenant bound").isZero();
                    }
                }
            }
        }
        finally {
            oneConnection.destroy();
        }
    }
}
