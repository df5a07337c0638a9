package io.urop.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * A real Redis server on a free port of 127.0.0.1, without persistence: the {@code redis-server} found on
 * the PATH (e.g. Debian's 7.x) as a child process, else the binary bundled in
 * {@code com.github.codemonstur:embedded-redis}. The process is stopped on close and on JVM exit. Its memory is
 * bounded, and what happens at the bound depends on its {@link Use}.
 */
public final class RedisServer implements AutoCloseable {

    /** What a Redis server holds decides what it may do when its memory is full. */
    public enum Use {
        /**
         * What must not be lost (revoked sessions, table sessions, rate limits): nothing is evicted; at the bound a
         * write fails, and the service writing answers an error rather than forgetting a revocation.
         */
        STATE("256mb", "noeviction"),
        /** Rendered public menus, rebuilt from the database on a miss: the least recently used go first. */
        CACHE("64mb", "allkeys-lru");

        private final String maxMemory;
        private final String policy;

        Use(String maxMemory, String policy) {
            this.maxMemory = maxMemory;
            this.policy = policy;
        }

        public String maxMemory() {
            return maxMemory;
        }

        public String policy() {
            return policy;
        }
    }

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);
    private static final int START_ATTEMPTS = 3;

    private final int port;
    private final Stopper stopper;
    private final Thread shutdownHook;

    private RedisServer(int port, Stopper stopper) {
        this.port = port;
        this.stopper = stopper;
        this.shutdownHook = new Thread(this::stopQuietly, "redis-server-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A server for state, as the fleet's {@code UROP_REDIS_URL} is. */
    public static RedisServer start() {
        return start(Use.STATE);
    }

    public static RedisServer start(Use use) {
        Optional<Path> executable = findOnPath("redis-server");
        RuntimeException failure = null;
        // a free port can be taken by another process between probing and binding: retry on a new one
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = FreePorts.next();
            try {
                return executable.isPresent() ? startProcess(executable.get(), port, use) : startBundled(port, use);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        throw failure;
    }

    /** Starts the binary bundled in embedded-redis even when {@code redis-server} is on the PATH. */
    static RedisServer startBundled(Use use) {
        return startBundled(FreePorts.next(), use);
    }

    public int port() {
        return port;
    }

    /** For example {@code redis://127.0.0.1:41234}. */
    public String url() {
        return "redis://" + FreePorts.LOOPBACK + ":" + port;
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmShuttingDown) {
            // the hook is running or about to
        }
    }

    private synchronized void stopQuietly() {
        stopQuietly(stopper);
    }

    private static RedisServer startProcess(Path executable, int port, Use use) {
        Path log;
        Process process;
        try {
            log = Files.createTempFile("urop-redis-", ".log");
            process = new ProcessBuilder(List.of(executable.toString(),
                    "--port", String.valueOf(port),
                    "--bind", FreePorts.LOOPBACK,
                    "--save", "",
                    "--appendonly", "no",
                    "--maxmemory", use.maxMemory(),
                    "--maxmemory-policy", use.policy(),
                    "--daemonize", "no",
                    "--loglevel", "warning"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + executable, e);
        }
        Stopper stopper = () -> {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            } finally {
                Files.deleteIfExists(log);
            }
        };
        try {
            awaitPong(port, process::isAlive);
        } catch (RuntimeException e) {
            String output = readQuietly(log);
            stopQuietly(stopper);
            throw new IllegalStateException(e.getMessage() + "; redis-server said: " + output, e);
        }
        return new RedisServer(port, stopper);
    }

    private static RedisServer startBundled(int port, Use use) {
        redis.embedded.RedisServer server;
        try {
            server = redis.embedded.RedisServer.newRedisServer()
                    .port(port)
                    .bind(FreePorts.LOOPBACK)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("maxmemory " + use.maxMemory())
                    .setting("maxmemory-policy " + use.policy())
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Bundled redis-server did not start on port " + port, e);
        }
        Stopper stopper = server::stop;
        try {
            awaitPong(port, server::isActive);
        } catch (RuntimeException e) {
            stopQuietly(stopper);
            throw e;
        }
        return new RedisServer(port, stopper);
    }

    private static void awaitPong(int port, BooleanSupplier alive) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("redis-server exited before answering on port " + port);
            }
            if (answersPing(port)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Redis", e);
            }
        }
        throw new IllegalStateException("Redis did not answer PING on port " + port + " within " + STARTUP_TIMEOUT);
    }

    private static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(FreePorts.LOOPBACK, port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException notYet) {
            return false;
        }
    }

    private static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Pattern.compile(Pattern.quote(File.pathSeparator)).splitAsStream(path)
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log).strip();
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static void stopQuietly(Stopper stopper) {
        try {
            stopper.stop();
        } catch (IOException | RuntimeException ignored) {
            // best effort: the process is gone or being killed
        }
    }

    @FunctionalInterface
    private interface Stopper {
        void stop() throws IOException;
    }
}
