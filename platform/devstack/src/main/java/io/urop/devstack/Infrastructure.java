package io.urop.devstack;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.urop.infra.S3Server;
import io.urop.infra.DatabaseProvisioner;
import io.urop.infra.KafkaServer;
import io.urop.infra.PostgresServer;
import io.urop.infra.RedisServer;
import io.urop.infra.SmtpServer;
import io.urop.sms.capture.SmsCapture;
import io.urop.stripe.emulator.StripeEmulator;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL, Kafka, Redis, S3 and SMTP for the fleet: each one embedded on a free port, unless an
 * environment variable points at an external server ({@code UROP_POSTGRES_URL}, {@code UROP_KAFKA_BOOTSTRAP},
 * {@code UROP_REDIS_URL}, {@code UROP_S3_ENDPOINT}, {@code UROP_SMTP_HOST}), the Stripe emulator unless
 * {@code STRIPE_API_KEY} (with {@code STRIPE_WEBHOOK_SECRETS}) points the fleet at Stripe in test mode, and the SMS
 * capture unless {@code UROP_SMS_ACCOUNT_SID} points it at Twilio. Redis is two servers: one for state
 * that must not be lost, which evicts nothing, and one for the rendered menus, which evicts ({@code
 * UROP_CACHE_REDIS_URL}; given an external {@code UROP_REDIS_URL} alone, the menus share it).
 */
public final class Infrastructure implements AutoCloseable {

    /** The envelope sender of the fleet's email, whose mailbox on the embedded SMTP server receives the bounces. */
    static final String BOUNCES = "bounces@urop.localhost";

    /** How the embedded Stripe emulator signs its webhooks (a local secret: the emulator is never in production). */
    public static final String EMULATOR_WEBHOOK_SECRET = "whsec_urop_devstack";

    private final List<AutoCloseable> embedded;
    private final String postgresUrl;
    private final String postgresAdminUser;
    private final String postgresAdminPassword;
    private final Map<String, String> environment;
    private final SmtpServer smtp;
    private final StripeEmulator stripe;
    private final SmsCapture sms;

    private Infrastructure(List<AutoCloseable> embedded, String postgresUrl, String postgresAdminUser,
            String postgresAdminPassword, Map<String, String> environment, SmtpServer smtp, StripeEmulator stripe,
            SmsCapture sms) {
        this.embedded = embedded;
        this.smtp = smtp;
        this.stripe = stripe;
        this.sms = sms;
        this.postgresUrl = postgresUrl;
        this.postgresAdminUser = postgresAdminUser;
        this.postgresAdminPassword = postgresAdminPassword;
        this.environment = environment;
    }

    /** Starts what is not given in {@code settings}, all at once. */
    public static Infrastructure start(Map<String, String> settings) {
        CompletableFuture<PostgresServer> postgres = startUnless(settings, "UROP_POSTGRES_URL", () -> PostgresServer.start(null));
        CompletableFuture<KafkaServer> kafka = startUnless(settings, "UROP_KAFKA_BOOTSTRAP", () -> KafkaServer.start(null));
        CompletableFuture<RedisServer> redis = startUnless(settings, "UROP_REDIS_URL", RedisServer::start);
        CompletableFuture<RedisServer> cacheRedis = given(settings, "UROP_REDIS_URL")
                ? CompletableFuture.completedFuture(null)
                : startUnless(settings, "UROP_CACHE_REDIS_URL", () -> RedisServer.start(RedisServer.Use.CACHE));
        CompletableFuture<S3Server> s3 = startUnless(settings, "UROP_S3_ENDPOINT", S3Server::start);
        CompletableFuture<SmtpServer> smtp = startUnless(settings, "UROP_SMTP_HOST", SmtpServer::start);
        CompletableFuture<StripeEmulator> stripe = startUnless(settings, "STRIPE_API_KEY", StripeEmulator::start);
        CompletableFuture<SmsCapture> sms = startUnless(settings, "UROP_SMS_ACCOUNT_SID", SmsCapture::start);
        List<CompletableFuture<? extends AutoCloseable>> servers = List.of(postgres, kafka, redis, cacheRedis, s3, smtp,
                stripe, sms);
        List<AutoCloseable> started = new ArrayList<>();
        try {
            CompletableFuture.allOf(servers.toArray(CompletableFuture[]::new)).join();
        }
        finally {
            for (CompletableFuture<? extends AutoCloseable> server : servers) {
                if (!server.isCompletedExceptionally() && server.join() != null) {
                    started.add(server.join());
                }
            }
            if (servers.stream().anyMatch(CompletableFuture::isCompletedExceptionally)) {
                new Infrastructure(started, null, null, null, Map.of(), null, null, null).close(); // stop what did start
            }
        }

        PostgresServer pg = postgres.join();
        S3Server s3Server = s3.join();
        SmtpServer smtpServer = smtp.join();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("UROP_POSTGRES_URL", address(pg, PostgresServer::serverUrl, settings, "UROP_POSTGRES_URL"));
        environment.put("UROP_DB_OWNER_PASSWORD", settings.getOrDefault("UROP_DB_OWNER_PASSWORD", "urop-dev-owner"));
        environment.put("UROP_DB_APP_PASSWORD", settings.getOrDefault("UROP_DB_APP_PASSWORD", "urop-dev-app"));
        environment.put("UROP_KAFKA_BOOTSTRAP", address(kafka.join(), KafkaServer::bootstrapServers, settings, "UROP_KAFKA_BOOTSTRAP"));
        environment.put("UROP_REDIS_URL", address(redis.join(), RedisServer::url, settings, "UROP_REDIS_URL"));
        environment.put("UROP_CACHE_REDIS_URL", address(cacheRedis.join(), RedisServer::url, settings,
                "UROP_CACHE_REDIS_URL"));
        environment.put("UROP_S3_ENDPOINT", address(s3Server, s -> s.endpoint().toString(), settings, "UROP_S3_ENDPOINT"));
        environment.put("UROP_S3_ACCESS_KEY", address(s3Server, s -> S3Server.ACCESS_KEY, settings, "UROP_S3_ACCESS_KEY"));
        environment.put("UROP_S3_SECRET_KEY", address(s3Server, s -> S3Server.SECRET_KEY, settings, "UROP_S3_SECRET_KEY"));
        // the browser apps show the dishes' pictures from where menu-service links them: its CDN, else the S3 endpoint
        environment.put("UROP_MENU_IMAGES_ORIGINS", settings.getOrDefault("UROP_MENU_IMAGES_ORIGINS", originOf(
                settings.getOrDefault("UROP_MENU_IMAGES_PUBLIC_URL", environment.get("UROP_S3_ENDPOINT")))));
        environment.put("UROP_SMTP_HOST", address(smtpServer, SmtpServer::host, settings, "UROP_SMTP_HOST"));
        environment.put("UROP_SMTP_PORT", smtpServer != null ? Integer.toString(smtpServer.port())
                : settings.getOrDefault("UROP_SMTP_PORT", "25"));
        if (smtpServer != null) {
            // bounces come back to a mailbox of the embedded server, which notification-service reads over IMAP
            smtpServer.createMailbox(BOUNCES);
            environment.put("UROP_EMAIL_BOUNCES_ADDRESS", BOUNCES);
            environment.put("UROP_EMAIL_BOUNCES_IMAP_HOST", smtpServer.host());
            environment.put("UROP_EMAIL_BOUNCES_IMAP_PORT", Integer.toString(smtpServer.imapPort()));
            environment.put("UROP_EMAIL_BOUNCES_IMAP_PROTOCOL", "imap");
            environment.put("UROP_EMAIL_BOUNCES_IMAP_USERNAME", BOUNCES);
            environment.put("UROP_EMAIL_BOUNCES_IMAP_PASSWORD", BOUNCES);
        }
        StripeEmulator stripeEmulator = stripe.join();
        environment.put("STRIPE_API_KEY", address(stripeEmulator, StripeEmulator::apiKey, settings, "STRIPE_API_KEY"));
        environment.put("UROP_STRIPE_API_BASE", address(stripeEmulator, StripeEmulator::baseUrl, settings,
                "UROP_STRIPE_API_BASE"));
        environment.put("STRIPE_WEBHOOK_SECRETS", address(stripeEmulator, emulator -> EMULATOR_WEBHOOK_SECRET, settings,
                "STRIPE_WEBHOOK_SECRETS"));
        SmsCapture smsCapture = sms.join();
        environment.put("UROP_SMS_API_BASE", address(smsCapture, capture -> capture.baseUrl().toString(), settings,
                "UROP_SMS_API_BASE"));
        environment.put("UROP_SMS_ACCOUNT_SID", address(smsCapture, SmsCapture::accountSid, settings,
                "UROP_SMS_ACCOUNT_SID"));
        environment.put("UROP_SMS_AUTH_TOKEN", address(smsCapture, SmsCapture::authToken, settings,
                "UROP_SMS_AUTH_TOKEN"));
        // Twilio's test sender number: the capture, like Twilio's test credentials, accepts it
        environment.put("UROP_SMS_FROM", address(smsCapture, capture -> "+15005550006", settings, "UROP_SMS_FROM"));

        String adminUser = pg != null ? pg.superUser() : settings.getOrDefault("UROP_POSTGRES_USER", "postgres");
        String adminPassword = pg != null ? pg.superPassword() : settings.getOrDefault("UROP_POSTGRES_PASSWORD", "");
        return new Infrastructure(started, environment.get("UROP_POSTGRES_URL"), adminUser, adminPassword, environment,
                smtpServer, stripeEmulator, smsCapture);
    }

    /**
     * {@code scheme://host[:port]} of a URL, as a browser's policy names where it may load from; none for none (AWS's
     * own S3, whose bucket origin is then given as {@code UROP_MENU_IMAGES_ORIGINS}).
     */
    private static String originOf(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** The embedded server's address, or the one given for an external server. */
    private static <T> String address(T embedded, Function<T, String> address, Map<String, String> settings, String given) {
        return embedded != null ? address.apply(embedded) : settings.getOrDefault(given, "");
    }

    private static <T> CompletableFuture<T> startUnless(Map<String, String> settings, String override, Supplier<T> start) {
        return given(settings, override) ? CompletableFuture.completedFuture(null) : CompletableFuture.supplyAsync(start);
    }

    private static boolean given(Map<String, String> settings, String variable) {
        String given = settings.get(variable);
        return given != null && !given.isBlank();
    }

    /** Creates each service's database with its owner and application roles (idempotent). */
    public void provisionDatabases() {
        DatabaseProvisioner provisioner = new DatabaseProvisioner(postgresUrl, postgresAdminUser, postgresAdminPassword);
        for (Member member : Member.services()) {
            member.database().ifPresent(db -> provisioner.provision(db, environment.get("UROP_DB_OWNER_PASSWORD"),
                    environment.get("UROP_DB_APP_PASSWORD")));
        }
    }

    /** The variables every service reads its infrastructure addresses and database passwords from. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The embedded SMTP server and what it received; empty when the fleet sends through an external one. */
    public Optional<SmtpServer> smtp() {
        return Optional.ofNullable(smtp);
    }

    /** The embedded Kafka broker; empty when the fleet uses an external one. */
    public Optional<KafkaServer> kafka() {
        return embedded.stream().filter(KafkaServer.class::isInstance).map(KafkaServer.class::cast).findFirst();
    }

    /**
     * The embedded Stripe emulator, whose webhooks the fleet verifies with {@link #EMULATOR_WEBHOOK_SECRET}; empty when
     * {@code STRIPE_API_KEY} points the fleet at Stripe itself (test mode).
     */
    public Optional<StripeEmulator> stripe() {
        return Optional.ofNullable(stripe);
    }

    /** The embedded SMS capture and what it was sent; empty when {@code UROP_SMS_ACCOUNT_SID} points at Twilio. */
    public Optional<SmsCapture> sms() {
        return Optional.ofNullable(sms);
    }

    /** A superuser's view of a service's database, as an operator (or a test) would look at it. */
    public DataSource adminDataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgresUrl + "/" + database);
        dataSource.setUser(postgresAdminUser);
        dataSource.setPassword(postgresAdminPassword);
        return dataSource;
    }

    public String describe() {
        return """
                  PostgreSQL  %s%s
                  Kafka       %s
                  Redis       %s (cache: %s)
                  S3          %s
                  SMTP        %s:%s%s
                  Stripe      %s
                  SMS         %s
                """.formatted(postgresUrl, embedded.stream().anyMatch(PostgresServer.class::isInstance) ? " (embedded)" : "",
                environment.get("UROP_KAFKA_BOOTSTRAP"), environment.get("UROP_REDIS_URL"),
                environment.get("UROP_CACHE_REDIS_URL").isEmpty() ? "the same" : environment.get("UROP_CACHE_REDIS_URL"),
                environment.get("UROP_S3_ENDPOINT"), environment.get("UROP_SMTP_HOST"), environment.get("UROP_SMTP_PORT"),
                smtp != null ? " (every mailbox over IMAP at " + smtp.host() + ":" + smtp.imapPort()
                        + ", the address as login and password)" : "",
                stripe != null ? stripe.baseUrl() + " (emulator; pay with 4242 4242 4242 4242)" : "Stripe (STRIPE_API_KEY)",
                sms != null ? "captured, read them with: curl -u " + sms.accountSid() + ":" + sms.authToken() + " "
                        + sms.messagesUrl() : environment.get("UROP_SMS_API_BASE"));
    }

    @Override
    public void close() {
        for (int i = embedded.size() - 1; i >= 0; i--) {
            AutoCloseable server = embedded.get(i);
            try {
                server.close();
            }
            catch (Exception e) {
                System.err.println("Could not stop " + server.getClass().getSimpleName() + ": " + e);
            }
        }
    }
}
