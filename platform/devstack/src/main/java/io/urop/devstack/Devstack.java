package io.urop.devstack;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * {@code ./devstack}: the whole platform on this machine. Starts the infrastructure and every
 * process, seeds the demo tenant, prints where to go, and stops everything on Ctrl-C (also while
 * still starting). {@code --until-ready} stops again as soon as all is up (a smoke run).
 */
public final class Devstack {

    private Devstack() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean untilReady = List.of(args).contains("--until-ready");
        long begin = System.nanoTime();
        Checkout checkout = Checkout.locate();
        System.setProperty("urop.devstack.logs", checkout.home().resolve("logs").toString());
        LoggerFactory.getLogger(Devstack.class); // set logging up before the servers start logging from many threads

        // Stopping is done here, in order (processes, then infrastructure), not by racing shutdown hooks.
        Thread main = Thread.currentThread();
        AtomicBoolean up = new AtomicBoolean();
        CountDownLatch stopRequested = new CountDownLatch(1);
        for (String signal : List.of("INT", "TERM")) {
            Signal.handle(new Signal(signal), s -> {
                stopRequested.countDown();
                if (!up.get()) {
                    main.interrupt();
                }
            });
        }

        Fleet fleet;
        try {
            fleet = Fleet.start(checkout, System.getenv(), System.out);
        }
        catch (RuntimeException e) {
            boolean interrupted = stopRequested.getCount() == 0;
            System.out.println(interrupted ? "Stopped before the fleet was up." : "The fleet did not start: " + e.getMessage());
            System.exit(interrupted ? 130 : 1);
            return;
        }
        up.set(true);

        DemoSeed.Seeded seeded = DemoSeed.seed(fleet.gateway());
        String tableCode = seeded.scanUrl() == null ? ""
                : String.format("  Table code  %s  (%s's QR code in the demo: what a diner's phone opens)%n",
                        seeded.scanUrl(), DemoTables.SHOWN_TABLE);
        System.out.printf("""

                urop is up in %.1f s.
                  Gateway     %s
                %s  Swagger UI  %s/swagger-ui.html
                  Metrics     %s/actuator/prometheus  (the gateway's management port; each service's on its own)
                  Eureka      %s
                  %s
                Infrastructure:
                %s
                Processes (logs in %s):
                %s
                """, (System.nanoTime() - begin) / 1e9, fleet.gateway(), tableCode, fleet.gateway(),
                fleet.process(Member.GATEWAY).managementUrl(), fleet.url(Member.DISCOVERY_SERVER), seeded.lines(),
                fleet.infrastructure().describe(), fleet.process(Member.GATEWAY).log().getParent(), fleet.describe());

        if (!untilReady) {
            System.out.println("Press Ctrl-C to stop.");
            stopRequested.await();
        }
        long stopping = System.nanoTime();
        System.out.println("Stopping the fleet...");
        fleet.close();
        System.out.printf("Stopped in %.1f s.%n", (System.nanoTime() - stopping) / 1e9);
    }
}
