package io.urop.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.urop.infra.FreePorts;

/**
 * The whole platform on one machine: infrastructure, then config server and Eureka, then the
 * gateway and every service at once, each as its own JVM. Devstack and the fleet scenarios both
 * start it through this class.
 */
public final class Fleet implements AutoCloseable {

    /** How long a member may take to be ready, unless {@code UROP_DEVSTACK_START_TIMEOUT} (seconds) says otherwise. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** Writing a class-data archive at exit takes long when ten JVMs do it at once on two cores. */
    private static final Duration FIRST_STOP_GRACE = Duration.ofMinutes(3);

    private final Checkout checkout;
    private final Infrastructure infrastructure;
    private final PrintStream out;
    private final Map<Member, Integer> ports = new EnumMap<>(Member.class);
    /** The gateway's probes and metrics are not served on its public port. */
    private final int gatewayManagementPort = FreePorts.next();
    private final Map<Member, FleetProcess> processes = new EnumMap<>(Member.class);
    /** Further instances of services ({@code UROP_DEVSTACK_INSTANCES}), beside the first one of each. */
    private final List<FleetProcess> further = new ArrayList<>();
    private final Map<Member, AppImage> images;
    private final Map<String, Duration> milestones = new LinkedHashMap<>();
    private final FleetSecrets secrets;
    private final List<String> jvmOptions;
    private final Map<String, String> publicUrls;
    private final Map<String, String> telemetry;
    private final Duration startTimeout;

    private Fleet(Checkout checkout, Infrastructure infrastructure, Map<Member, AppImage> images,
            FleetSecrets secrets, List<String> jvmOptions, Duration startTimeout, Map<String, String> settings,
            PrintStream out) {
        this.checkout = checkout;
        this.infrastructure = infrastructure;
        this.images = images;
        this.secrets = secrets;
        this.jvmOptions = jvmOptions;
        this.out = out;
        for (Member member : Member.values()) {
            ports.put(member, portFor(member));
        }
        this.publicUrls = publicUrls(gateway(), settings);
        this.telemetry = telemetry(settings);
        this.startTimeout = startTimeout;
    }

    /** Starts everything and returns once every service answers through the gateway. */
    public static Fleet start(Checkout checkout, Map<String, String> settings, PrintStream out) {
        long begin = System.nanoTime();
        Duration startTimeout = startTimeout(settings);
        out.println("Starting infrastructure...");
        boolean classDataSharing = !"false".equals(settings.get("UROP_DEVSTACK_CDS"));
        CompletableFuture<Map<Member, AppImage>> images = CompletableFuture.supplyAsync(() -> {
            Map<Member, AppImage> prepared = new EnumMap<>(Member.class);
            for (Member member : Member.values()) {
                prepared.put(member, AppImage.prepare(member, checkout.jar(member), checkout.home().resolve("apps"),
                        classDataSharing));
            }
            return prepared;
        });
        Infrastructure infrastructure = Infrastructure.start(settings);
        Map<Member, AppImage> prepared;
        try {
            prepared = images.join();
        }
        catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
        Fleet fleet = new Fleet(checkout, infrastructure, prepared, FleetSecrets.from(settings),
                FleetProcess.jvmOptions(settings.get("UROP_DEVSTACK_JVM_OPTIONS")), startTimeout, settings, out);
        fleet.milestone("infrastructure", begin);
        try {
            infrastructure.provisionDatabases();
            fleet.launchAll(List.of(Member.CONFIG_SERVER, Member.DISCOVERY_SERVER));
            fleet.milestone("config + discovery ready", begin);
            List<Member> rest = new ArrayList<>(List.of(Member.GATEWAY));
            rest.addAll(Member.routed());
            fleet.launchAll(rest);
            fleet.milestone("every service ready", begin);
            for (Member service : Member.routed()) {
                fleet.awaitRoutable(service, fleet.startTimeout);
            }
            fleet.milestone("every service routable", begin);
            Map<Member, Integer> instances = instances(settings);
            if (!instances.isEmpty()) {
                fleet.launchFurther(instances);
                fleet.milestone("further instances ready", begin);
            }
            infrastructure.stripe().ifPresent(stripe -> stripe.registerWebhookEndpoint(
                    fleet.gateway().resolve("/webhooks/stripe"), Infrastructure.EMULATOR_WEBHOOK_SECRET, true));
            return fleet;
        }
        catch (RuntimeException e) {
            Thread.interrupted(); // a Ctrl-C while starting still stops the processes gracefully
            fleet.close();
            throw e;
        }
    }

    private void launchAll(List<Member> members) {
        out.println("Starting " + members.stream().map(Member::id).toList() + "...");
        members.forEach(this::launch);
        List<CompletableFuture<Void>> ready = members.stream()
                .map(m -> CompletableFuture.runAsync(() -> processes.get(m).awaitReady(startTimeout)))
                .toList();
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting", e);
        }
        catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    private void launch(Member member) {
        int port = ports.get(member);
        processes.put(member, FleetProcess.launch(member, port, member == Member.GATEWAY ? gatewayManagementPort : port,
                images.get(member), jvmOptions, arguments(member), environment(member), checkout.home().resolve("logs")));
    }

    private Map<String, String> environment(Member member) {
        Map<String, String> environment = new LinkedHashMap<>(infrastructure.environment());
        environment.put("UROP_CONFIG_URL", url(Member.CONFIG_SERVER).toString());
        environment.put("UROP_EUREKA_URL", url(Member.DISCOVERY_SERVER) + "/eureka/");
        environment.put("UROP_CONFIG_REPO", checkout.configRepo().toString());
        environment.put("UROP_EUREKA_EVICTION_MS", "1000");
        environment.put("UROP_EUREKA_SELF_PRESERVATION", "false");
        environment.putAll(secrets.of(member));
        environment.putAll(publicUrls);
        environment.putAll(telemetry);
        return environment;
    }

    private static List<String> arguments(Member member) {
        List<String> arguments = new ArrayList<>();
        if (member != Member.CONFIG_SERVER && member != Member.DISCOVERY_SERVER) {
            arguments.addAll(List.of("--spring.profiles.active=devstack", "--eureka.instance.ip-address=127.0.0.1",
                    "--eureka.instance.hostname=127.0.0.1", "--eureka.instance.prefer-ip-address=true"));
        }
        return arguments;
    }

    /** Starts the further instances of services asked for, each on a port of its own, and waits until each is ready. */
    private void launchFurther(Map<Member, Integer> instances) {
        instances.forEach((member, count) -> {
            for (int instance = 2; instance <= count; instance++) {
                further.add(launchFurther(member, member.id() + "-" + instance, FreePorts.next()));
            }
        });
        further.forEach(process -> process.awaitReady(startTimeout));
        awaitGatewayDiscovery();
    }

    private FleetProcess launchFurther(Member member, String name, int port) {
        return FleetProcess.launch(member, name, port, port, images.get(member), jvmOptions, arguments(member),
                environment(member), checkout.home().resolve("logs"));
    }

    /** The gateway learns of an instance from Eureka within its registry fetch interval (10 s) and its cache (10 s). */
    private static void awaitGatewayDiscovery() {
        FleetProcess.sleep(25_000);
    }

    /** Starts one more instance of a service on a port of its own; returns once the gateway may route to it. */
    public FleetProcess addInstance(Member service) {
        long running = 1 + further.stream().filter(process -> process.member() == service).count();
        FleetProcess added = launchFurther(service, service.id() + "-" + (running + 1), FreePorts.next());
        further.add(added);
        added.awaitReady(startTimeout);
        awaitGatewayDiscovery();
        return added;
    }

    /**
     * Restarts every instance of a service one after the other, as a rolling update does: each stops gracefully
     * (SIGTERM: it finishes what it serves and leaves Eureka) and starts again on its port, and the next one stops only
     * once the gateway routes to the restarted one again.
     */
    public void rollingRestart(Member service) {
        restart(service);
        awaitGatewayDiscovery();
        for (int i = 0; i < further.size(); i++) {
            FleetProcess instance = further.get(i);
            if (instance.member() == service) {
                instance.stop(STOP_GRACE);
                FleetProcess restarted = launchFurther(service, instance.name(), instance.port());
                further.set(i, restarted);
                restarted.awaitReady(startTimeout);
                awaitGatewayDiscovery();
            }
        }
    }

    /**
     * How many instances of each service run ({@code UROP_DEVSTACK_INSTANCES}, e.g. {@code notification-service=2}):
     * one, unless more are asked for.
     */
    static Map<Member, Integer> instances(Map<String, String> settings) {
        String given = settings.get("UROP_DEVSTACK_INSTANCES");
        Map<Member, Integer> instances = new EnumMap<>(Member.class);
        if (given == null || given.isBlank()) {
            return instances;
        }
        for (String entry : given.strip().split("\\s*,\\s*")) {
            String[] parts = entry.split("=");
            Member member = Member.services().stream().filter(service -> parts.length == 2
                    && service.id().equals(parts[0].strip())).findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "UROP_DEVSTACK_INSTANCES takes <service-id>=<count>, comma-separated, not '" + entry + "'"));
            int count;
            try {
                count = Integer.parseInt(parts[1].strip());
            }
            catch (NumberFormatException e) {
                count = 0;
            }
            if (count < 1 || count > 4) {
                throw new IllegalArgumentException("UROP_DEVSTACK_INSTANCES: 1 to 4 instances of " + member.id());
            }
            instances.put(member, count);
        }
        return instances;
    }

    /** Waits until the gateway routes to the member (it has seen it in Eureka). */
    public void awaitRoutable(Member service, Duration timeout) {
        URI probe = gateway().resolve(service.routedProbe());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!FleetProcess.answers(probe)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The gateway does not route to " + service.id() + " after " + timeout);
            }
            FleetProcess.sleep(250);
        }
    }

    /** Kills a member with SIGKILL, as a crash would. */
    public void kill(Member member) {
        processes.get(member).kill();
    }

    /** Starts a member again on its port and waits until it is ready (and routable, for a service). */
    public void restart(Member member) {
        FleetProcess previous = processes.get(member);
        if (previous.isAlive()) {
            previous.stop(STOP_GRACE);
        }
        launch(member);
        processes.get(member).awaitReady(startTimeout);
        if (Member.routed().contains(member)) {
            awaitRoutable(member, startTimeout);
        }
    }

    public URI gateway() {
        return url(Member.GATEWAY);
    }

    public URI url(Member member) {
        return URI.create("http://127.0.0.1:" + ports.get(member));
    }

    public FleetProcess process(Member member) {
        return processes.get(member);
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    public Map<String, Duration> milestones() {
        return milestones;
    }

    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("  %-22s %-24s %8s %-6s %8s%n", "process", "url", "pid", "state", "rss MiB"));
        long total = 0;
        List<FleetProcess> all = new ArrayList<>(processes.values());
        all.addAll(further);
        for (FleetProcess process : all) {
            long rss = process.residentMiB();
            total += rss;
            text.append(String.format("  %-22s %-24s %8d %-6s %8d%n", process.name(), process.url(), process.pid(),
                    process.isReady() ? "UP" : process.isAlive() ? "DOWN" : "EXITED", rss));
        }
        text.append(String.format("  %-22s %-24s %8s %-6s %8d%n", "all", "", "", "", total));
        return text.toString();
    }

    private void milestone(String name, long begin) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
        milestones.put(name, elapsed);
        out.printf("  %-26s %5.1f s%n", name, elapsed.toMillis() / 1000.0);
    }

    /** Ten JVMs with the optimising compiler (a benchmark's fleet) start slower than with C1 on two cores. */
    static Duration startTimeout(Map<String, String> settings) {
        String seconds = settings.get("UROP_DEVSTACK_START_TIMEOUT");
        if (seconds == null || seconds.isBlank()) {
            return START_TIMEOUT;
        }
        try {
            long given = Long.parseLong(seconds.strip());
            if (given > 0) {
                return Duration.ofSeconds(given);
            }
        }
        catch (NumberFormatException e) {
            // refused below, as a negative number is
        }
        throw new IllegalArgumentException("UROP_DEVSTACK_START_TIMEOUT must be a number of seconds, not '" + seconds + "'");
    }

    /**
     * Where the links the services hand out lead: printed codes open the gateway's scan path, a scan and Stripe's
     * return send the phone to the diner app's table page, emails link to the apps, all at the gateway on whatever port
     * it got (a browser keeps a diner's session per origin: 127.0.0.1 and localhost are two); a URL given in the
     * settings (a public host name) is kept as it is.
     */
    static Map<String, String> publicUrls(URI gateway, Map<String, String> settings) {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("UROP_SCAN_URL", given(settings, "UROP_SCAN_URL", gateway.resolve("/q/").toString()));
        urls.put("UROP_DINER_APP_URL", given(settings, "UROP_DINER_APP_URL", gateway.resolve("/table").toString()));
        urls.put("UROP_APP_URL", given(settings, "UROP_APP_URL", gateway.toString()));
        return urls;
    }

    /**
     * Where the fleet's traces go and how ({@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT} and the other
     * {@code MANAGEMENT_OPENTELEMETRY_*} settings of Spring Boot): nowhere unless given.
     */
    static Map<String, String> telemetry(Map<String, String> settings) {
        Map<String, String> telemetry = new LinkedHashMap<>();
        settings.forEach((name, value) -> {
            if (name.startsWith("MANAGEMENT_OPENTELEMETRY_")) {
                telemetry.put(name, value);
            }
        });
        return telemetry;
    }

    private static String given(Map<String, String> settings, String name, String otherwise) {
        String value = settings.get(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    /** The gateway on 8080 when that is free, so the usual URL works; everything else on free ports. */
    private static int portFor(Member member) {
        if (member == Member.GATEWAY) {
            try (ServerSocket probe = new ServerSocket(member.preferredPort())) {
                return member.preferredPort();
            }
            catch (IOException taken) {
                return FreePorts.next();
            }
        }
        return FreePorts.next();
    }

    /** Stops every process (SIGTERM, then SIGKILL after a grace period) and then the infrastructure. */
    @Override
    public void close() {
        List<FleetProcess> all = new ArrayList<>(processes.values());
        all.addAll(further);
        List<CompletableFuture<Void>> stopping = all.stream()
                .map(p -> CompletableFuture.runAsync(() -> p.stop(
                        images.get(p.member()).writesArchiveAtExit() ? FIRST_STOP_GRACE : STOP_GRACE)))
                .toList();
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
        infrastructure.close();
    }
}
