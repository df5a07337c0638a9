package io.urop.sms.capture;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An SMS API on 127.0.0.1 in Twilio's format, for the dev stack and tests, never for production: it sends nothing and
 * keeps every message it accepts, to be read back. A client of Twilio's REST API talks to it unchanged once given its
 * {@link #baseUrl()}, {@link #accountSid()} and {@link #authToken()} (HTTP Basic).
 *
 * <ul>
 *   <li>{@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded {@code To}, {@code From} (or
 *       {@code MessagingServiceSid}) and {@code Body}: 201 with the Message resource, {@code status} {@code queued}</li>
 *   <li>{@code GET /2010-04-01/Accounts/{AccountSid}/Messages.json} (filter {@code To}), newest first, and
 *       {@code GET .../Messages/{Sid}.json}: what was sent, which is how a developer reads the dev stack's SMS</li>
 * </ul>
 * Errors are Twilio's ({@code {code, message, more_info, status}}): 401 (20003) without the account's credentials;
 * 400 for a missing parameter (21602, 21603, 21604), a {@code To} that is not E.164 (21211), and the numbers Twilio's
 * test credentials refuse: {@code +15005550001} invalid (21211), {@code +15005550002} unreachable (21612),
 * {@code +15005550004} unsubscribed (21610), {@code +15005550009} not a mobile number (21614).
 * {@link #failNextSends} answers 429 or 5xx for a while, as an outage does.
 */
public final class SmsCapture implements AutoCloseable {

    public static final String DEFAULT_ACCOUNT_SID = "AC00000000000000000000000000000000";

    public static final String DEFAULT_AUTH_TOKEN = "sms-capture-auth-token";

    private final HttpServer server;
    private final ExecutorService requestThreads;
    private final Outbox outbox = new Outbox();
    private final String accountSid;
    private final String authToken;

    private SmsCapture(int port, String accountSid, String authToken) throws IOException {
        this.accountSid = accountSid;
        this.authToken = authToken;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/2010-04-01/Accounts/",
                new MessagesApi(accountSid, authToken, outbox, Clock.systemUTC()));
        requestThreads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "sms-capture-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(requestThreads);
        server.start();
    }

    /** Starts a capture on a free port of 127.0.0.1 with the default account. */
    public static SmsCapture start() {
        return start(0, DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN);
    }

    public static SmsCapture start(int port, String accountSid, String authToken) {
        try {
            return new SmsCapture(port, accountSid, authToken);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot start the SMS capture", e);
        }
    }

    /** Where Twilio's API would be ({@code https://api.twilio.com}). */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String accountSid() {
        return accountSid;
    }

    public String authToken() {
        return authToken;
    }

    /** Where the messages are listed, as {@code curl -u <account sid>:<auth token>} reads them. */
    public URI messagesUrl() {
        return baseUrl().resolve("/2010-04-01/Accounts/" + accountSid + "/Messages.json");
    }

    /** Every message accepted so far, oldest first. */
    public List<CapturedSms> messages() {
        return outbox.all();
    }

    public List<CapturedSms> messagesTo(String number) {
        return messages().stream().filter(message -> message.to().equals(number)).toList();
    }

    /** The next {@code sends} sends are answered {@code status} (429, 500, 503), as in an outage. */
    public void failNextSends(int sends, int status) {
        if (status != 429 && status < 500) {
            throw new IllegalArgumentException("An outage answers 429 or 5xx, not " + status);
        }
        outbox.failNext(sends, status);
    }

    /** Forgets every message and ends any outage, e.g. between tests sharing the capture. */
    public void clear() {
        outbox.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        requestThreads.shutdownNow();
    }
}
