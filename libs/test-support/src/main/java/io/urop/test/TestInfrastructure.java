package io.urop.test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.urop.infra.DatabaseAccounts;
import io.urop.infra.DatabaseProvisioner;
import io.urop.infra.KafkaServer;
import io.urop.infra.PostgresServer;
import io.urop.infra.RedisServer;
import io.urop.infra.S3Server;
import io.urop.infra.SmtpServer;

/**
 * Real PostgreSQL, Kafka and Redis for one test JVM: started on first use, in parallel, on free
 * ports, shared by every test of the module, and stopped when the JVM exits.
 */
public final class TestInfrastructure {

    public static final String OWNER_PASSWORD = "owner-test-secret";
    public static final String APP_PASSWORD = "app-test-secret";

    private static volatile TestInfrastructure instance;

    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final RedisServer redis;
    private final Map<String, DatabaseAccounts> databases = new ConcurrentHashMap<>();
    private volatile S3Server s3;
    private volatile RedisServer cacheRedis;
    private volatile SmtpServer smtp;

    private TestInfrastructure(PostgresServer postgres, KafkaServer kafka, RedisServer redis) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.redis = redis;
    }

    public static TestInfrastructure get() {
        TestInfrastructure current = instance;
        if (current == null) {
            synchronized (TestInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current = start();
                    instance = current;
                }
            }
        }
        return current;
    }

    private static TestInfrastructure start() {
        CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(() -> PostgresServer.start(null));
        CompletableFuture<KafkaServer> kafka = CompletableFuture.supplyAsync(() -> KafkaServer.start(null));
        CompletableFuture<RedisServer> redis = CompletableFuture.supplyAsync(RedisServer::start);
        TestInfrastructure started = new TestInfrastructure(postgres.join(), kafka.join(), redis.join());
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-infrastructure-stop"));
        return started;
    }

    /** The database of that name with its owner and application roles, provisioned once per JVM. */
    public DatabaseAccounts database(String name) {
        return databases.computeIfAbsent(name, db -> new DatabaseProvisioner(postgres.serverUrl(), postgres.superUser(),
                postgres.superPassword()).provision(db, OWNER_PASSWORD, APP_PASSWORD));
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String redisUrl() {
        return redis.url();
    }

    /** An S3 server, started on first use: only a service whose tests have s3proxy on the classpath asks. */
    public synchronized S3Server s3() {
        if (s3 == null) {
            s3 = S3Server.start();
        }
        return s3;
    }

    /** A Redis that evicts (a cache's), started on first use: only a service with a cache of its own asks. */
    public synchronized String cacheRedisUrl() {
        if (cacheRedis == null) {
            cacheRedis = RedisServer.start(RedisServer.Use.CACHE);
        }
        return cacheRedis.url();
    }

    /** An SMTP server that keeps what it receives, started on first use: only a service that sends email asks. */
    public synchronized SmtpServer smtp() {
        if (smtp == null) {
            smtp = SmtpServer.start();
        }
        return smtp;
    }

    private void stop() {
        for (AutoCloseable server : new AutoCloseable[] {smtp, s3, cacheRedis, redis, kafka, postgres}) {
            if (server == null) {
                continue;
            }
            try {
                server.close();
            }
            catch (Exception e) {
                System.err.println("Could not stop " + server + ": " + e);
            }
        }
    }
}
