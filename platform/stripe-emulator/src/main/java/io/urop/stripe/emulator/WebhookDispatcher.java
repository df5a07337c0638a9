package io.urop.stripe.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Posts every event to the endpoints that want it, signed as Stripe signs, and retries with exponential back-off
 * until the receiver answers 2xx or the attempts run out.
 *
 * <p>The switches make the misbehaviour of a real network reproducible: duplicates, delays, reordering (hold then
 * release in reverse), lost events (drop) and a pause.
 */
final class WebhookDispatcher implements AutoCloseable {

    private record Attempt(WebhookEndpoint endpoint, Event event, int number) {
        Attempt next() {
            return new Attempt(endpoint, event, number + 1);
        }
    }

    private final EmulatorSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final List<WebhookEndpoint> endpoints = new CopyOnWriteArrayList<>();
    private final List<WebhookDelivery> deliveries = new ArrayList<>();

    private final Object switches = new Object();
    private int copiesPerEvent = 1;
    private Duration delay = Duration.ZERO;
    private int eventsToDrop;
    private boolean holding;
    private final List<Attempt> held = new ArrayList<>();

    WebhookDispatcher(EmulatorSettings settings) {
        this.settings = settings;
        this.clock = settings.clock();
        this.http = HttpClient.newBuilder().connectTimeout(settings.webhookTimeout()).build();
        this.scheduler = Executors.newScheduledThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "stripe-emulator-webhooks");
            thread.setDaemon(true);
            return thread;
        });
    }

    WebhookEndpoint register(URI url, String secret, boolean connect) {
        WebhookEndpoint endpoint = new WebhookEndpoint(Ids.next("we_"), url,
                secret != null ? secret : Ids.next("whsec_", 32), connect);
        endpoints.add(endpoint);
        return endpoint;
    }

    List<WebhookEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    void remove(String endpointId) {
        endpoints.removeIf(endpoint -> endpoint.id().equals(endpointId));
    }

    int endpointCountFor(String connectedAccountId) {
        return (int) endpoints.stream().filter(endpoint -> endpoint.connect() == (connectedAccountId != null)).count();
    }

    void publish(Event event) {
        int copies;
        Duration wait;
        synchronized (switches) {
            if (eventsToDrop > 0) {
                eventsToDrop--;
                for (WebhookEndpoint endpoint : endpointsFor(event)) {
                    record(new WebhookDelivery(event.id, event.type, endpoint.url().toString(), 0, 0, true,
                            clock.instant(), event.payload, null));
                }
                return;
            }
            copies = copiesPerEvent;
            wait = delay;
        }
        for (WebhookEndpoint endpoint : endpointsFor(event)) {
            for (int copy = 0; copy < copies; copy++) {
                schedule(new Attempt(endpoint, event, 1), wait);
            }
        }
    }

    private List<WebhookEndpoint> endpointsFor(Event event) {
        List<WebhookEndpoint> matching = new ArrayList<>();
        for (WebhookEndpoint endpoint : endpoints) {
            if (endpoint.connect() == (event.connectedAccountId != null)) {
                matching.add(endpoint);
            }
        }
        return matching;
    }

    private void schedule(Attempt attempt, Duration wait) {
        if (scheduler.isShutdown()) {
            return;
        }
        scheduler.schedule(() -> sendUnlessHeld(attempt), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sendUnlessHeld(Attempt attempt) {
        synchronized (switches) {
            if (holding) {
                held.add(attempt);
                return;
            }
        }
        send(attempt);
    }

    private void send(Attempt attempt) {
        long timestamp = clock.millis() / 1000;
        String signature = WebhookSignature.header(attempt.event.payload, attempt.endpoint.secret(), timestamp);
        int status = 0;
        try {
            HttpRequest request = HttpRequest.newBuilder(attempt.endpoint.url())
                    .timeout(settings.webhookTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                    .header("Stripe-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(attempt.event.payload))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        record(new WebhookDelivery(attempt.event.id, attempt.event.type, attempt.endpoint.url().toString(),
                attempt.number, status, false, clock.instant(), attempt.event.payload, signature));
        if ((status < 200 || status >= 300) && attempt.number < settings.webhookMaxAttempts()) {
            schedule(attempt.next(), backoff(attempt.number));
        }
    }

    private Duration backoff(int attemptsMade) {
        Duration wait = settings.webhookRetryInitialDelay().multipliedBy(1L << Math.min(attemptsMade - 1, 30));
        return wait.compareTo(settings.webhookRetryMaxDelay()) > 0 ? settings.webhookRetryMaxDelay() : wait;
    }

    private void record(WebhookDelivery delivery) {
        synchronized (deliveries) {
            deliveries.add(delivery);
            deliveries.notifyAll();
        }
    }

    List<WebhookDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** Waits until a delivery matches; null when none did within the timeout. */
    WebhookDelivery awaitDelivery(Predicate<WebhookDelivery> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (deliveries) {
            while (true) {
                for (WebhookDelivery delivery : deliveries) {
                    if (condition.test(delivery)) {
                        return delivery;
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return null;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(deliveries, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
    }

    void duplicate(int copies) {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1");
        }
        synchronized (switches) {
            copiesPerEvent = copies;
        }
    }

    void delay(Duration wait) {
        synchronized (switches) {
            delay = wait;
        }
    }

    void dropNext(int events) {
        synchronized (switches) {
            eventsToDrop = events;
        }
    }

    void hold() {
        synchronized (switches) {
            holding = true;
        }
    }

    void release(boolean reverse) {
        List<Attempt> toSend;
        synchronized (switches) {
            holding = false;
            toSend = new ArrayList<>(held);
            held.clear();
        }
        if (reverse) {
            Collections.reverse(toSend);
        }
        // one after the other, so the receiver sees them in exactly this order
        scheduler.execute(() -> toSend.forEach(this::send));
    }

    /** Back to prompt, single, in-order delivery; whatever is held is sent in order. */
    void reset() {
        synchronized (switches) {
            copiesPerEvent = 1;
            delay = Duration.ZERO;
            eventsToDrop = 0;
        }
        release(false);
    }

    void clearDeliveries() {
        synchronized (deliveries) {
            deliveries.clear();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
