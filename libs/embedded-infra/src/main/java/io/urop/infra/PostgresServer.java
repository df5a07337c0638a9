package io.urop.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL 17 server (zonky embedded binaries) on a free port of 127.0.0.1.
 *
 * <p>Unlike the library's defaults, TCP connections need a password (SCRAM), as on a real server, so a
 * service configured with a wrong role or password fails here too. The superuser is {@code postgres}
 * with the fixed password {@code postgres}: a data directory kept between runs keeps its password.
 * Unix sockets are disabled so nothing is created in /tmp or /var/run/postgresql.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String SUPER_USER = "postgres";
    private static final String SUPER_PASSWORD = "postgres";
    private static final int START_ATTEMPTS = 3;

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDirectoryOrNull a directory kept after close (created and initialised when empty), or
     *                            null for a temporary one deleted on close
     */
    public static PostgresServer start(Path dataDirectoryOrNull) {
        RuntimeException failure = null;
        // a free port can be taken by another process between probing and binding: retry on a new one
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return new PostgresServer(startOnce(dataDirectoryOrNull, FreePorts.next()));
            } catch (IOException e) {
                failure = new UncheckedIOException("PostgreSQL did not start", e);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        throw failure;
    }

    private static EmbeddedPostgres startOnce(Path dataDirectoryOrNull, int port) throws IOException {
        Path passwordFile = Files.createTempFile("urop-pg-", ".pw");
        try {
            Files.writeString(passwordFile, SUPER_PASSWORD);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    // the library passes these "locale" settings to initdb as --key=value
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    .setLocaleConfig("locale", "C")
                    .setConnectConfig("password", SUPER_PASSWORD)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "''")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("timezone", "UTC");
            if (dataDirectoryOrNull != null) {
                Files.createDirectories(dataDirectoryOrNull);
                builder.setDataDirectory(dataDirectoryOrNull).setCleanDataDirectory(false);
            }
            return builder.start();
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The server without a database, e.g. {@code jdbc:postgresql://127.0.0.1:41234}. */
    public String serverUrl() {
        return "jdbc:postgresql://" + FreePorts.LOOPBACK + ":" + port();
    }

    public String superUser() {
        return SUPER_USER;
    }

    public String superPassword() {
        return SUPER_PASSWORD;
    }

    public DataSource adminDataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {FreePorts.LOOPBACK});
        dataSource.setPortNumbers(new int[] {port()});
        dataSource.setDatabaseName(database);
        dataSource.setUser(SUPER_USER);
        dataSource.setPassword(SUPER_PASSWORD);
        return dataSource;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
