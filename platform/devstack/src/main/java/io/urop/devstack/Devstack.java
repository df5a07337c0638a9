package io.urop.devstack;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./devstack}: the whole platform on this machine. Starts the infrastructure and every
 * process, seeds the demo tenant, prints where to go, and stops everything on Ctrl-C.
 * {@code --until-ready} stops again as soon as all is up (a smoke run).
 */
public final class Devstack {

    private Devstack() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean untilReady = List.of(args).contains("--until-ready");
        long begin = System.nanoTime();
        Fleet fleet = Fleet.start(Checkout.locate(), System.getenv(), System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            System.out.println("\nStopping the fleet...");
            fleet.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "devstack-stop");
        Runtime.getRuntime().addShutdownHook(stopper);

        String seeded = DemoSeed.seed(fleet.gateway());
        System.out.printf("""

                urop is up in %.1f s.
                  Gateway     %s
                  Swagger UI  %s/swagger-ui.html
                  Eureka      %s
                  %s
                Infrastructure:
                %s
                Processes (logs in %s):
                %s
                """, (System.nanoTime() - begin) / 1e9, fleet.gateway(), fleet.gateway(), fleet.url(Member.DISCOVERY_SERVER),
                seeded, fleet.infrastructure().describe(), fleet.process(Member.GATEWAY).log().getParent(), fleet.describe());

        if (untilReady) {
            System.exit(0); // runs the shutdown hook
        }
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }
}
