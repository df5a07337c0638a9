package io.urop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    private static PostgresServer postgres;
    private static DatabaseProvisioner provisioner;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.start(null);
        provisioner = new DatabaseProvisioner(postgres.serverUrl(), postgres.superUser(), postgres.superPassword());
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void runsPostgres17OnAFreeLoopbackPortWithPasswordAuthentication() throws Exception {
        assertThat(postgres.port()).isNotEqualTo(5432);
        assertThat(postgres.serverUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port());

        try (Connection connection = postgres.adminDataSource("postgres").getConnection()) {
            assertThat(queryString(connection, "SHOW server_version")).startsWith("17.");
            assertThat(queryString(connection, "SHOW max_connections")).isEqualTo("300");
            assertThat(queryString(connection, "SELECT upper('crème brûlée')")).isEqualTo("CRÈME BRÛLÉE");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(
                postgres.serverUrl() + "/postgres", postgres.superUser(), "wrong").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void provisionsAnOwnerRoleAndAnUnprivilegedAppRole() throws Exception {
        DatabaseAccounts accounts = provisioner.provision("orders_it", "owner-secret", "app-secret");

        assertThat(accounts).isEqualTo(new DatabaseAccounts("orders_it", postgres.serverUrl() + "/orders_it",
                "orders_it_owner", "owner-secret", "orders_it_app", "app-secret"));
        try (Connection admin = postgres.adminDataSource("postgres").getConnection()) {
            assertThat(queryString(admin, "SELECT pg_get_userbyid(datdba) FROM pg_database"
                    + " WHERE datname = 'orders_it'")).isEqualTo("orders_it_owner");
            assertThat(queryString(admin, "SELECT concat_ws(',', rolcanlogin, rolsuper, rolbypassrls,"
                    + " rolcreatedb, rolcreaterole) FROM pg_roles WHERE rolname = 'orders_it_app'"))
                    .isEqualTo("t,f,f,f,f");
            assertThat(queryString(admin, "SELECT concat_ws(',', rolcanlogin, rolsuper, rolbypassrls)"
                    + " FROM pg_roles WHERE rolname = 'orders_it_owner'")).isEqualTo("t,f,f");
        }
        try (Connection app = connect(accounts.jdbcUrl(), accounts.appUser(), accounts.appPassword())) {
            assertThat(queryString(app, "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner"
                    + " WHERE r.rolname = current_user")).isEqualTo("0");
        }
    }

    @Test
    void provisioningTwiceKeepsTheDatabaseAndUpdatesPasswords() throws Exception {
        DatabaseAccounts first = provisioner.provision("menu_it", "owner-1", "app-1");
        try (Connection owner = connect(first.jdbcUrl(), first.ownerUser(), first.ownerPassword())) {
            execute(owner, "CREATE TABLE dish (id bigint PRIMARY KEY)");
        }

        DatabaseAccounts second = provisioner.provision("menu_it", "owner-2", "app-2");

        try (Connection app = connect(second.jdbcUrl(), second.appUser(), "app-2")) {
            assertThat(queryString(app, "SELECT count(*) FROM dish")).isEqualTo("0");
        }
        assertThatThrownBy(() -> connect(first.jdbcUrl(), first.appUser(), "app-1").close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void servicesStartingTogetherCanProvisionTheSameDatabaseConcurrently() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<DatabaseAccounts>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(executor.submit(() -> provisioner.provision("tables_it", "owner-secret", "app-secret")));
            }
            for (Future<DatabaseAccounts> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS).database()).isEqualTo("tables_it");
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void appRoleReadsAndWritesTablesTheOwnerCreatesAfterProvisioning() throws Exception {
        DatabaseAccounts accounts = provisioner.provision("kitchen_it", "owner-secret", "app-secret");
        try (Connection owner = connect(accounts.jdbcUrl(), accounts.ownerUser(), accounts.ownerPassword())) {
            execute(owner, "CREATE TABLE ticket (id bigserial PRIMARY KEY, item text NOT NULL)");
            execute(owner, "CREATE FUNCTION shout(text) RETURNS text LANGUAGE sql AS 'SELECT upper($1)'");
        }

        try (Connection app = connect(accounts.jdbcUrl(), accounts.appUser(), accounts.appPassword())) {
            execute(app, "INSERT INTO ticket (item) VALUES ('soup'), ('bread')");
            execute(app, "UPDATE ticket SET item = shout(item) WHERE item = 'soup'");
            execute(app, "DELETE FROM ticket WHERE item = 'bread'");
            assertThat(queryString(app, "SELECT string_agg(item, ',') FROM ticket")).isEqualTo("SOUP");
        }
    }

    @Test
    void appRoleCannotCreateTablesNorConnectToAnotherServicesDatabase() throws Exception {
        DatabaseAccounts tables = provisioner.provision("waiters_it", "owner-secret", "app-secret");
        DatabaseAccounts other = provisioner.provision("billing_it", "owner-secret", "app-secret");

        try (Connection app = connect(tables.jdbcUrl(), tables.appUser(), tables.appPassword())) {
            assertThatThrownBy(() -> execute(app, "CREATE TABLE sneaky (id int)"))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
        }
        assertThatThrownBy(() -> connect(other.jdbcUrl(), tables.appUser(), tables.appPassword()).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
    }

    @Test
    void rejectsDatabaseNamesThatAreNotPlainLowerCaseIdentifiers() {
        for (String name : new String[] {"Orders", "1orders", "orders-db", "x; DROP DATABASE postgres", "", "a".repeat(58),
                "postgres", "template1"}) {
            assertThatThrownBy(() -> provisioner.provision(name, "p", "p"))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void keepsAGivenDataDirectoryAcrossRestarts(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pgdata");
        try (PostgresServer first = PostgresServer.start(data)) {
            new DatabaseProvisioner(first.serverUrl(), first.superUser(), first.superPassword())
                    .provision("kept_it", "owner-secret", "app-secret");
        }

        try (PostgresServer second = PostgresServer.start(data);
             Connection admin = second.adminDataSource("kept_it").getConnection()) {
            assertThat(queryString(admin, "SELECT current_database()")).isEqualTo("kept_it");
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getString(1);
        }
    }
}
