package io.urop.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.urop.devstack.Checkout;
import io.urop.devstack.Member;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command itself: {@code ./devstack} comes up, says where everything is, and on a
 * stop signal (Ctrl-C sends SIGINT; service managers send SIGTERM, handled the same way) leaves no
 * process behind.
 */
class DevstackCommandScenario {

    private static final Pattern GATEWAY_LINE = Pattern.compile("^\\s+Gateway\\s+(http://127\\.0\\.0\\.1:\\d+)$");
    private static final Pattern DEMO_MENU_LINE = Pattern.compile("^\\s+Demo menu published: (http://\\S+)$");
    private static final Pattern METRICS_LINE =
            Pattern.compile("^\\s+Metrics\\s+(http://127\\.0\\.0\\.1:(\\d+)/actuator/prometheus)\\s+\\(.*\\)$");
    private static final Pattern TABLE_CODE_LINE = Pattern.compile("^\\s+Table code\\s+(http://\\S+)\\s+\\(.*\\)$");
    private static final Pattern PROCESS_LINE = Pattern.compile("^\\s+([a-z-]+)\\s+http://127\\.0\\.0\\.1:(\\d+)\\s+(\\d+)\\s+(\\w+)\\s+\\d+$");

    @Test
    void theRunCommandStartsEverythingPrintsItAndStopsEverythingCleanly() throws Exception {
        Path root = Checkout.locate().root();
        ProcessBuilder command = new ProcessBuilder(root.resolve("devstack").toString())
                .directory(root.toFile())
                .redirectErrorStream(true);
        command.environment().put("UROP_DEVSTACK_HOME", root.resolve("e2e-tests/target/devstack-command").toString());
        command.environment().put("UROP_DEVSTACK_CDS", "false");
        Process devstack = command.start();
        List<String> printed = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> read(devstack, printed));

        List<Long> pids = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            awaitLine(printed, "Press Ctrl-C to stop.", devstack, Duration.ofMinutes(6));

            List<String> up = new ArrayList<>();
            URI gateway;
            URI demoMenu;
            URI tableCode;
            Matcher metrics;
            synchronized (printed) {
                for (String line : printed) {
                    Matcher process = PROCESS_LINE.matcher(line);
                    if (process.matches()) {
                        ports.add(Integer.parseInt(process.group(2)));
                        pids.add(Long.parseLong(process.group(3)));
                        if (process.group(4).equals("UP")) {
                            up.add(process.group(1));
                        }
                    }
                }
                assertThat(printed).anyMatch(line -> line.contains(
                        "Demo tenant 'demo-bistro' created; its owner signs in as owner@demo-bistro.example / demo-bistro-owner"));
                gateway = printed.stream().map(GATEWAY_LINE::matcher).filter(Matcher::matches).findFirst()
                        .map(line -> URI.create(line.group(1))).orElseThrow();
                demoMenu = printed.stream().map(DEMO_MENU_LINE::matcher).filter(Matcher::matches).findFirst()
                        .map(line -> URI.create(line.group(1))).orElseThrow();
                tableCode = printed.stream().map(TABLE_CODE_LINE::matcher).filter(Matcher::matches).findFirst()
                        .map(line -> URI.create(line.group(1))).orElseThrow();
                metrics = printed.stream().map(METRICS_LINE::matcher).filter(Matcher::matches).findFirst().orElseThrow();
                ports.add(Integer.parseInt(metrics.group(2)));
                assertThat(printed).anyMatch(line -> line.contains(
                        "Dining room: 'Dining room' Table 1-12, 'Terrace' Terrace 1-6 (18 tables)"));
            }
            Gateway.Reply menu = Gateway.getJson(demoMenu);
            assertThat(menu.status()).as("diners read the demo menu: " + menu).isEqualTo(200);
            assertThat(menu.json().findValuesAsString("name")).contains("Steak frites");
            Gateway.Reply login = new Gateway(gateway).post("/api/v1/auth/login", """
                    {"email": "owner@demo-bistro.example", "password": "demo-bistro-owner"}""");
            assertThat(login.status()).as("the demo owner signs in: " + login).isEqualTo(200);
            // the printed table code seats whoever opens it at the demo's Table 1, sent on to the gateway's /table
            assertThat(tableCode.toString()).startsWith(gateway + "/q/v1.");
            Gateway.Reply scan = Gateway.getJson(tableCode);
            assertThat(scan.status()).as("the demo table's code: " + scan).isEqualTo(303);
            assertThat(DinerLanding.of(scan).app()).isEqualTo(gateway + "/table");
            assertThat(DinerLanding.of(scan).token()).isNotBlank();
            // the gateway's metrics, on its management port: its public port does not serve them
            Gateway.Reply scrape = Gateway.getAccepting(URI.create(metrics.group(1)), "text/plain");
            assertThat(scrape.status()).as("the printed metrics URL: " + scrape).isEqualTo(200);
            assertThat(scrape.response().body()).contains("http_server_requests_seconds_count{");
            assertThat(Gateway.getAccepting(gateway.resolve("/actuator/prometheus"), "text/plain").status()).isEqualTo(401);
            assertThat(up).containsExactlyInAnyOrderElementsOf(List.of(Member.values()).stream().map(Member::id).toList());

        }
        catch (Throwable failure) {
            // a fleet left running would hold its ports and cores for whatever runs next
            devstack.destroy();
            devstack.waitFor(3, TimeUnit.MINUTES);
            throw failure;
        }
        new ProcessBuilder("kill", "-TERM", Long.toString(devstack.pid())).start().waitFor();

        assertThat(devstack.waitFor(3, TimeUnit.MINUTES)).as("devstack stopped").isTrue();
        reading.get(10, TimeUnit.SECONDS);
        assertThat(devstack.exitValue()).isZero();
        assertThat(printed).anyMatch(line -> line.startsWith("Stopped in"));
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as("process %d still running", pid).isEmpty());
        assertThat(ports).allSatisfy(port -> assertThat(isFree(port)).as("port %d released", port).isTrue());
    }

    private static void read(Process process, List<String> printed) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println("[devstack] " + line);
                synchronized (printed) {
                    printed.add(line);
                }
            }
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitLine(List<String> printed, String expected, Process process, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (printed) {
                if (printed.contains(expected)) {
                    return;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("devstack exited with " + process.exitValue() + " before it was up");
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("devstack did not say '" + expected + "' within " + timeout);
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }
}
