package io.urop.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One JVM of the fleet, started from its jar, logging to its own file. */
public final class FleetProcess {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** Sized for ten JVMs starting at once on a laptop: small heaps, and C1 only, which starts fastest. */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xmx192m", "-Xss512k", "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=48m",
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");

    private final Member member;
    private final String name;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final Process process;

    private FleetProcess(Member member, String name, int port, int managementPort, Path log, Process process) {
        this.name = name;
        this.member = member;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    /**
     * The fleet's JVM options, then those given (e.g. {@code UROP_DEVSTACK_JVM_OPTIONS="-XX:TieredStopAtLevel=4
     * -Xmx384m"} for a benchmark that needs the optimising compiler): a later option wins.
     */
    static List<String> jvmOptions(String extra) {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.strip().split("\\s+")));
        }
        return List.copyOf(options);
    }

    /** @param managementPort where actuator answers: the member's own port, or one of its own (the gateway's) */
    static FleetProcess launch(Member member, int port, int managementPort, AppImage image, List<String> jvmOptions,
            List<String> arguments, Map<String, String> environment, Path logDirectory) {
        return launch(member, member.id(), port, managementPort, image, jvmOptions, arguments, environment,
                logDirectory);
    }

    /** @param name the process's name in the fleet, and its log's: the member's id, or that of a further instance */
    static FleetProcess launch(Member member, String name, int port, int managementPort, AppImage image,
            List<String> jvmOptions, List<String> arguments, Map<String, String> environment, Path logDirectory) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(image.launchArguments());
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        if (managementPort != port) {
            command.add("--management.server.port=" + managementPort);
            command.add("--management.server.address=127.0.0.1");
        }
        command.addAll(arguments);
        Path log = logDirectory.resolve(name + ".log");
        try {
            Files.createDirectories(logDirectory);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return new FleetProcess(member, name, port, managementPort, log, builder.start());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not start " + member.id(), e);
        }
    }

    public Member member() {
        return member;
    }

    /** The member's id, or, for a further instance of it, {@code <id>-2}, {@code <id>-3}... */
    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Where its actuator answers (probes, metrics): its own URL, but for the gateway, which keeps a port for them. */
    public URI managementUrl() {
        return URI.create("http://127.0.0.1:" + managementPort);
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Ready means this very process answers its readiness probe, not whatever now holds the port. */
    public boolean isReady() {
        return isAlive() && answers(managementUrl().resolve("/actuator/health/readiness"));
    }

    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady()) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
            }
            sleep(250);
        }
    }

    /** SIGTERM, so the service shuts down gracefully; SIGKILL if it has not gone within the grace period. */
    public void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL: the process dies mid-flight, as in a crash. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Resident memory in MiB, from /proc (0 when unknown). */
    public long residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        }
        catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    static boolean answers(URI uri) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
