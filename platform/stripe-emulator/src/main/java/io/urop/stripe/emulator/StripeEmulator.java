package io.urop.stripe.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Stripe server on 127.0.0.1 for the dev stack and tests, never for production. It speaks Stripe's wire format, so
 * stripe-java talks to it unchanged once pointed at it:
 * {@code StripeClient.builder().setApiKey(emulator.apiKey()).setApiBase(emulator.baseUrl()).setConnectBase(emulator.baseUrl())}.
 * State lives in memory.
 *
 * <h2>API ({@code Authorization: Bearer <api key>}, form-encoded, {@code Stripe-Account} and {@code Idempotency-Key} honoured)</h2>
 * <ul>
 *   <li>{@code POST /v1/accounts}, {@code GET /v1/accounts/{id}}, {@code POST /v1/account_links} (its {@code url} is an
 *       onboarding page whose one button enables charges and payouts and sends {@code account.updated})</li>
 *   <li>{@code POST /v1/checkout/sessions} (payment mode, inline {@code price_data}), {@code GET /v1/checkout/sessions}
 *       (filters {@code payment_intent}, {@code status}, {@code created}), {@code GET /v1/checkout/sessions/{id}},
 *       {@code GET /v1/checkout/sessions/{id}/line_items}, {@code POST /v1/checkout/sessions/{id}/expire}</li>
 *   <li>{@code GET /v1/payment_intents[/{id}]}, {@code GET /v1/charges[/{id}]}</li>
 *   <li>{@code POST /v1/refunds}, {@code GET /v1/refunds[/{id}]} (filter {@code payment_intent})</li>
 *   <li>{@code GET /v1/events[/{id}]} (filters {@code type}, {@code created}); a connected account's events are read
 *       with its {@code Stripe-Account}</li>
 * </ul>
 * Lists are newest first, {@code limit} 1–100 (default 10), with {@code starting_after}/{@code ending_before}.
 *
 * <h2>Hosted checkout ({@code GET/POST /checkout/{session id}})</h2>
 * Test cards (spaces allowed, any future expiry, any CVC): {@code 4242 4242 4242 4242} pays;
 * {@code 4000 0000 0000 0002} is declined ("Your card was declined."); {@code 4000 0000 0000 9995} is declined for
 * insufficient funds; {@code 4000 0027 6000 3184} asks for 3-D Secure ("Complete authentication" pays, "Fail
 * authentication" declines). Paid, the page redirects (303) to {@code success_url} with {@code {CHECKOUT_SESSION_ID}}
 * replaced and the events {@code charge.succeeded}, {@code payment_intent.succeeded} and
 * {@code checkout.session.completed} are sent. Open sessions expire at {@code expires_at}
 * ({@code checkout.session.expired}).
 *
 * <h2>Webhooks</h2>
 * Endpoints registered with {@link #registerWebhookEndpoint} receive each event as Stripe posts it, signed
 * {@code Stripe-Signature: t=…,v1=…}; Connect endpoints get connected accounts' events, the others the platform's.
 * Unanswered or non-2xx deliveries are retried with exponential back-off. Switches: {@link #duplicateWebhooks},
 * {@link #delayWebhooks}, {@link #holdWebhooks}/{@link #releaseWebhooksInReverse}, {@link #dropNextWebhooks},
 * {@link #pauseWebhooks}/{@link #resumeWebhooks}; every attempt is in {@link #webhookDeliveries()}.
 *
 * <h2>Failures</h2>
 * {@link #failNextApiCalls} answers 500/503 (with {@code Stripe-Should-Retry: true}) or 429 ({@code rate_limit},
 * {@code lock_timeout}); {@link #apiLatency} slows every call down.
 *
 * <h2>Control API (no key), for the dev stack and fleet tests</h2>
 * Under {@code /_emulator}: {@code POST webhook_endpoints} (url, secret, connect), {@code GET webhook_endpoints},
 * {@code GET webhook_deliveries}, {@code POST webhooks/{duplicate|delay|drop|hold|release|release_in_reverse|pause|resume|reset}}
 * (copies, millis, events), {@code POST checkout/sessions/{id}/pay} (card), {@code POST checkout/sessions/{id}/authenticate}
 * (result=complete|fail), {@code POST checkout/sessions/{id}/expire}, {@code POST accounts/{id}/onboard},
 * {@code POST outage} (status, code, calls; no calls = until reset), {@code POST outage/reset}, {@code POST latency}
 * (millis), {@code GET health}.
 */
public final class StripeEmulator implements AutoCloseable {

    static {
        // without it the JDK's server waits on Nagle's algorithm, some 40 ms for each small answer
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService requestThreads;
    private final ScheduledExecutorService expirySweep;
    private final Ledger ledger;
    private final WebhookDispatcher webhooks;
    private final OutageSwitch outage = new OutageSwitch();
    private final ApiHandler api;
    private final AccountsApi accounts;
    private final CheckoutSessionsApi sessions;
    private final CardPayments payments;

    private StripeEmulator(EmulatorSettings settings) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 64);
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        ledger = new Ledger(settings, baseUrl);
        webhooks = new WebhookDispatcher(settings);
        Events events = new Events(ledger, webhooks);
        accounts = new AccountsApi(ledger, events);
        sessions = new CheckoutSessionsApi(ledger, events);
        payments = new CardPayments(ledger, events);
        api = new ApiHandler(ledger, new Idempotency(settings.clock()), outage, accounts, sessions,
                new PaymentIntentsApi(ledger), new RefundsApi(ledger, events), events);
        server.createContext("/v1/", api);
        server.createContext("/checkout/", new HostedCheckoutPage(ledger, payments));
        server.createContext("/connect/onboarding/", new OnboardingPage(ledger, accounts));
        server.createContext("/_emulator/", new ControlApi(this));
        requestThreads = Executors.newCachedThreadPool(daemon("stripe-emulator-http"));
        server.setExecutor(requestThreads);
        expirySweep = Executors.newSingleThreadScheduledExecutor(daemon("stripe-emulator-expiry"));
        long sweepMillis = settings.expirySweepInterval().toMillis();
        expirySweep.scheduleWithFixedDelay(this::expireDueSessions, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        server.start();
    }

    /** Starts an emulator on a free port of 127.0.0.1 with the default settings. */
    public static StripeEmulator start() {
        return start(EmulatorSettings.defaults());
    }

    public static StripeEmulator start(EmulatorSettings settings) {
        try {
            return new StripeEmulator(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Stripe emulator", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the API base, connect base and the host of the hosted pages. */
    public String baseUrl() {
        return ledger.baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String apiKey() {
        return ledger.settings.apiKey();
    }

    /** The account the API key belongs to: requests without {@code Stripe-Account} act on it. */
    public String platformAccountId() {
        return ledger.platform.id;
    }

    // ---- webhooks

    public WebhookEndpoint registerWebhookEndpoint(URI url, String secret, boolean connect) {
        if (secret != null && !secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("A signing secret starts with whsec_");
        }
        return webhooks.register(url, secret, connect);
    }

    /** Registers an endpoint with a new signing secret, read from the returned endpoint. */
    public WebhookEndpoint registerWebhookEndpoint(URI url, boolean connect) {
        return webhooks.register(url, null, connect);
    }

    public void removeWebhookEndpoint(String endpointId) {
        webhooks.remove(endpointId);
    }

    public List<WebhookEndpoint> webhookEndpoints() {
        return webhooks.endpoints();
    }

    /** Every delivery attempt so far, oldest first. */
    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks.deliveries();
    }

    public Optional<WebhookDelivery> awaitWebhookDelivery(Predicate<WebhookDelivery> condition, Duration timeout) {
        return Optional.ofNullable(webhooks.awaitDelivery(condition, timeout));
    }

    public void clearWebhookDeliveries() {
        webhooks.clearDeliveries();
    }

    /** Each event is posted {@code copies} times at the same moment, as Stripe may deliver an event more than once. */
    public void duplicateWebhooks(int copies) {
        webhooks.duplicate(copies);
    }

    /** Each event is posted this long after it happened. */
    public void delayWebhooks(Duration delay) {
        webhooks.delay(delay);
    }

    /** The next {@code events} events are never delivered, as if lost; the API still lists them. */
    public void dropNextWebhooks(int events) {
        webhooks.dropNext(events);
    }

    /** Deliveries wait until {@link #releaseWebhooks()} or {@link #releaseWebhooksInReverse()}. */
    public void holdWebhooks() {
        webhooks.hold();
    }

    public void releaseWebhooks() {
        webhooks.release(false);
    }

    /** Sends what was held newest first, one after the other: the receiver sees events out of order. */
    public void releaseWebhooksInReverse() {
        webhooks.release(true);
    }

    /** Like a receiver cut off for a while: nothing is posted, retries included, until {@link #resumeWebhooks()}. */
    public void pauseWebhooks() {
        webhooks.hold();
    }

    /** Sends what waited during the pause, in order. */
    public void resumeWebhooks() {
        webhooks.release(false);
    }

    /** Single, prompt, in-order deliveries again; anything held is sent. */
    public void resetWebhookSwitches() {
        webhooks.reset();
    }

    // ---- payments and time without a browser

    /** Pays an open session with a test card number as the hosted page would (no expiry or CVC needed). */
    public PaymentOutcome payCheckoutSession(String sessionId, String cardNumber) {
        synchronized (ledger) {
            CheckoutSession session = session(sessionId);
            YearMonth now = YearMonth.now(ledger.clock.withZone(ZoneOffset.UTC));
            return payments.pay(session, TestCards.withoutExpiry(cardNumber, now), null).outcome();
        }
    }

    /** Answers the 3-D Secure challenge of a session paid with {@code 4000 0027 6000 3184}. */
    public PaymentOutcome authenticateCheckoutSession(String sessionId, boolean passed) {
        synchronized (ledger) {
            return payments.authenticate(session(sessionId), passed).outcome();
        }
    }

    /** Expires an open session now, as if its {@code expires_at} had passed; false if it was not open. */
    public boolean expireNow(String sessionId) {
        synchronized (ledger) {
            CheckoutSession session = session(sessionId);
            if (!session.isOpen()) {
                return false;
            }
            sessions.expire(session, null);
            return true;
        }
    }

    /** Expires every open session whose {@code expires_at} has passed, as the background sweep does. */
    public void expireDueSessions() {
        synchronized (ledger) {
            sessions.expireDue();
        }
    }

    /** Completes a connected account's onboarding as its onboarding page's button does. */
    public void completeOnboarding(String accountId) {
        synchronized (ledger) {
            Account account = ledger.accounts.get(accountId);
            if (account == null) {
                throw new IllegalArgumentException("No such account: " + accountId);
            }
            accounts.completeOnboarding(account, null);
        }
    }

    private CheckoutSession session(String sessionId) {
        CheckoutSession session = ledger.sessions.get(sessionId);
        if (session == null) {
            throw new IllegalArgumentException("No such checkout session: " + sessionId);
        }
        return session;
    }

    // ---- outages

    /**
     * The next {@code calls} API calls fail with {@code status}: 500 or 503 (Stripe asks to retry them), or 429 with
     * {@code code} {@code rate_limit} (the default) or {@code lock_timeout}.
     */
    public void failNextApiCalls(int calls, int status, String code) {
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1");
        }
        outage.failNext(calls, status, code);
    }

    public void failNextApiCalls(int calls, int status) {
        failNextApiCalls(calls, status, null);
    }

    /** Every API call fails with {@code status} until {@link #endOutage()}. */
    public void failApiCallsUntilReset(int status, String code) {
        outage.failUntilReset(status, code);
    }

    public void endOutage() {
        outage.reset();
    }

    /** Every API call waits this long before it runs ({@link Duration#ZERO} to stop). */
    public void apiLatency(Duration latency) {
        api.latency(latency);
    }

    @Override
    public void close() {
        server.stop(0);
        expirySweep.shutdownNow();
        webhooks.close();
        requestThreads.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
