package io.urop.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Creates, idempotently, a service database {@code <db>} owned by the role {@code <db>_owner}, and the
 * role {@code <db>_app} the application connects as. Works against the embedded server or any external
 * PostgreSQL given a superuser account. Running it again updates the passwords and grants.
 *
 * <p>Tables, sequences and functions the owner creates later in schema {@code public} (Flyway) are
 * usable by the app role through default privileges; the app role cannot create anything there.
 */
public final class DatabaseProvisioner {

    /** Lower-case SQL identifier short enough for the {@code _owner} suffix (63 bytes maximum). */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,56}");
    private static final String MAINTENANCE_DATABASE = "postgres";
    private static final Set<String> RESERVED_DATABASES = Set.of(MAINTENANCE_DATABASE, "template0", "template1");
    /** Serialises provisioning from concurrent JVMs sharing one server (an arbitrary constant). */
    private static final long ADVISORY_LOCK_KEY = 0x75726f7000000001L;

    private final String serverUrl;
    private final String adminUser;
    private final String adminPassword;

    /**
     * @param serverUrl a JDBC URL without database, e.g. {@code jdbc:postgresql://127.0.0.1:5432}; query
     *                  parameters such as {@code ?sslmode=require} are kept
     */
    public DatabaseProvisioner(String serverUrl, String adminUser, String adminPassword) {
        this.serverUrl = Objects.requireNonNull(serverUrl, "serverUrl");
        this.adminUser = Objects.requireNonNull(adminUser, "adminUser");
        this.adminPassword = Objects.requireNonNull(adminPassword, "adminPassword");
        if (!serverUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + serverUrl);
        }
    }

    public DatabaseAccounts provision(String database, String ownerPassword, String appPassword) {
        validateName(database);
        if (RESERVED_DATABASES.contains(database)) {
            throw new IllegalArgumentException("Not a service database: " + database);
        }
        Objects.requireNonNull(ownerPassword, "ownerPassword");
        Objects.requireNonNull(appPassword, "appPassword");
        String owner = database + "_owner";
        String app = database + "_app";
        try (Connection admin = connect(MAINTENANCE_DATABASE)) {
            execute(admin, "SELECT pg_advisory_lock(" + ADVISORY_LOCK_KEY + ")");
            try {
                upsertRole(admin, owner, ownerPassword);
                upsertRole(admin, app, appPassword);
                createDatabase(admin, database, owner, app);
                try (Connection inDatabase = connect(database)) {
                    grantInDatabase(inDatabase, owner, app);
                }
            } finally {
                execute(admin, "SELECT pg_advisory_unlock(" + ADVISORY_LOCK_KEY + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot provision database " + database + " on " + serverUrl, e);
        }
        return new DatabaseAccounts(database, jdbcUrl(database), owner, ownerPassword, app, appPassword);
    }

    /** The JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        validateName(database);
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String parameters = query < 0 ? "" : serverUrl.substring(query);
        return (base.endsWith("/") ? base : base + "/") + database + parameters;
    }

    private static void validateName(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException(
                    "Database name must match " + DATABASE_NAME.pattern() + ": " + database);
        }
    }

    private Connection connect(String database) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl(database), adminUser, adminPassword);
        connection.setAutoCommit(true);
        return connection;
    }

    private static void upsertRole(Connection admin, String role, String password) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement(
                "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = ?")) {
            statement.setString(1, role);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    executeFormatted(admin, "CREATE ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
                            + " NOREPLICATION NOBYPASSRLS PASSWORD %L", role, password);
                    return;
                }
                if (rows.getBoolean(1)) {
                    throw new IllegalStateException("Existing role " + role
                            + " is a superuser or bypasses row-level security; fix or drop it first");
                }
            }
        }
        executeFormatted(admin, "ALTER ROLE %I WITH LOGIN PASSWORD %L", role, password);
    }

    private static void createDatabase(Connection admin, String database, String owner, String app)
            throws SQLException {
        if (exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
            executeFormatted(admin, "ALTER DATABASE %I OWNER TO %I", database, owner);
        } else {
            executeFormatted(admin, "CREATE DATABASE %I OWNER %I ENCODING 'UTF8'", database, owner);
        }
        executeFormatted(admin, "REVOKE ALL ON DATABASE %I FROM PUBLIC", database);
        executeFormatted(admin, "GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I", database, app);
    }

    private static void grantInDatabase(Connection inDatabase, String owner, String app) throws SQLException {
        execute(inDatabase, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        // before PostgreSQL 15 schema public belongs to the bootstrap superuser, not the database owner
        executeFormatted(inDatabase, "GRANT USAGE, CREATE ON SCHEMA public TO %I", owner);
        executeFormatted(inDatabase, "GRANT USAGE ON SCHEMA public TO %I", app);
        executeFormatted(inDatabase, "ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public"
                + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I", owner, app);
        executeFormatted(inDatabase, "ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public"
                + " GRANT USAGE, SELECT ON SEQUENCES TO %I", owner, app);
        executeFormatted(inDatabase, "ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public"
                + " GRANT EXECUTE ON FUNCTIONS TO %I", owner, app);
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Lets the server quote identifiers ({@code %I}) and literals ({@code %L}) with {@code format()}. */
    private static void executeFormatted(Connection connection, String template, String... arguments)
            throws SQLException {
        StringBuilder call = new StringBuilder("SELECT format(?");
        for (int i = 0; i < arguments.length; i++) {
            call.append(", ?");
        }
        String sql;
        try (PreparedStatement statement = connection.prepareStatement(call.append(')').toString())) {
            statement.setString(1, template);
            for (int i = 0; i < arguments.length; i++) {
                statement.setString(i + 2, arguments[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                sql = rows.getString(1);
            }
        }
        execute(connection, sql);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
