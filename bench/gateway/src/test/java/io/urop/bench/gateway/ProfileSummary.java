package io.urop.bench.gateway;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * The top of a JFR recording's CPU samples ({@code jdk.ExecutionSample}, as async-profiler writes them): where a process
 * spent its time, by library (the frame on top of each sample, its package cut to three names), by the class that asked
 * for the work (the innermost frame outside the JDK, Reactor's operators and native code, which on a reactive stack
 * tells whose code a sample is for; libc's system call wrappers stand for the kernel's work),
 * by method on top (self) and by method anywhere on the stack (inclusive, each method counted once per sample).
 * {@code java -cp bench/gateway/target/test-classes io.urop.bench.gateway.ProfileSummary <recording.jfr> [rows]}.
 */
public final class ProfileSummary {

    private static final List<String> GENERIC = List.of("java.", "jdk.", "sun.", "reactor.core.", "reactor.util.");

    /** The parts a request crosses, by the package of the class asking: the first prefix that matches names it. */
    private static final List<Map.Entry<String, String>> COMPONENTS = List.of(
            Map.entry("libc.", "kernel (system calls: sockets, epoll, futex)"),
            Map.entry("(kernel)", "kernel (system calls: sockets, epoll, futex)"),
            Map.entry("libjvm", "JVM (GC, JIT compiler)"),
            Map.entry("(native", "JIT stubs and other native code"),
            Map.entry("reactor.netty.", "Reactor Netty and Netty (HTTP server, client, pool)"),
            Map.entry("io.netty.", "Reactor Netty and Netty (HTTP server, client, pool)"),
            Map.entry("org.apache.catalina.", "Tomcat"),
            Map.entry("org.apache.coyote.", "Tomcat"),
            Map.entry("org.apache.tomcat.", "Tomcat"),
            Map.entry("jakarta.servlet.", "Tomcat"),
            Map.entry("org.springframework.security.", "Spring Security"),
            Map.entry("org.springframework.cloud.gateway.", "Spring Cloud Gateway"),
            Map.entry("org.springframework.cloud.", "Spring Cloud (load balancer, circuit breaker)"),
            Map.entry("io.github.resilience4j.", "Resilience4j"),
            Map.entry("io.micrometer.", "Micrometer and OpenTelemetry (observations, metrics, traces)"),
            Map.entry("io.opentelemetry.", "Micrometer and OpenTelemetry (observations, metrics, traces)"),
            Map.entry("io.urop.", "urop's own code"),
            Map.entry("ch.qos.logback.", "logging"),
            Map.entry("org.slf4j.", "logging"),
            Map.entry("io.lettuce.", "Redis client"),
            Map.entry("org.hibernate.", "Hibernate"),
            Map.entry("org.postgresql.", "PostgreSQL driver"),
            Map.entry("com.zaxxer.hikari.", "connection pool"),
            Map.entry("tools.jackson.", "Jackson (JSON)"),
            Map.entry("com.fasterxml.jackson.", "Jackson (JSON)"),
            Map.entry("org.apache.kafka.", "Kafka client"),
            Map.entry("org.springframework.kafka.", "Kafka client"),
            Map.entry("org.springframework.data.", "Spring Data"),
            Map.entry("org.springframework.", "Spring Framework (WebFlux, MVC, HTTP, core)"));

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> libraries = new HashMap<>();
        Map<String, Integer> owners = new HashMap<>();
        Map<String, Integer> components = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            RecordedMethod top = frames.get(0).getMethod();
            libraries.merge(library(frames.get(0)), 1, Integer::sum);
            String owner = owner(frames);
            owners.merge(owner, 1, Integer::sum);
            components.merge(component(owner), 1, Integer::sum);
            self.merge(name(top), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = name(frame.getMethod());
                if (seen.add(method)) {
                    inclusive.merge(method, 1, Integer::sum);
                }
            }
        }
        System.out.printf("%s: %d CPU samples%n", args[0], samples);
        print("by component (the class asking's)", components, samples, rows);
        print("by library (top frame)", libraries, samples, rows);
        print("by class asking (innermost frame outside the JDK, Reactor and native code; libc: system calls)", owners,
                samples, rows);
        print("self (top frame)", self, samples, rows);
        print("inclusive (anywhere on the stack)", inclusive, samples, rows * 2);
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int rows) {
        System.out.printf("%n  %s%n", title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(rows)
                .forEach(entry -> System.out.printf("  %6.2f%%  %s%n", 100.0 * entry.getValue() / samples,
                        entry.getKey()));
    }

    private static String owner(List<RecordedFrame> frames) {
        return frames.stream().map(ProfileSummary::typeOf)
                .filter(type -> !type.startsWith("(") && GENERIC.stream().noneMatch(type::startsWith))
                .findFirst().orElse(typeOf(frames.get(0)));
    }

    /**
     * A frame's class; for a frame of no class (async-profiler records them), what it is: the kernel's (system calls,
     * the network stack, threads switched out and in) or other native code, mostly the stubs the JIT compiler puts
     * where a call through an interface or a virtual method has more receivers than it could inline.
     */
    private static String typeOf(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        if (!type.isEmpty()) {
            return type;
        }
        return "Kernel".equals(frame.getType()) ? "(kernel)" : "(native: JIT stubs, libraries without symbols)";
    }

    private static String component(String owner) {
        return COMPONENTS.stream().filter(component -> owner.startsWith(component.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("other (" + owner + ")");
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    private static String library(RecordedFrame frame) {
        String type = typeOf(frame);
        if (type.startsWith("(")) {
            return type;
        }
        String[] parts = type.split("\\.");
        return parts.length <= 3 ? String.join(".", List.of(parts).subList(0, Math.max(1, parts.length - 1)))
                : parts[0] + "." + parts[1] + "." + parts[2];
    }
}
