package io.urop.stripe.emulator;

import java.net.URI;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an emulator for the dev stack until the process is stopped.
 *
 * <pre>
 * --port=12111                         0 or absent: a free port
 * --api-key=sk_test_…                  the key clients must present (default sk_test_emulator)
 * --webhook=http://…/stripe,whsec_…    a platform webhook endpoint (repeatable)
 * --connect-webhook=http://…,whsec_…   a Connect webhook endpoint (repeatable)
 * </pre>
 */
public final class StripeEmulatorMain {

    private StripeEmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmulatorSettings settings = EmulatorSettings.defaults();
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                settings.port(Integer.parseInt(value(arg)));
            } else if (arg.startsWith("--api-key=")) {
                settings.apiKey(value(arg));
            } else if (!arg.startsWith("--webhook=") && !arg.startsWith("--connect-webhook=")) {
                throw new IllegalArgumentException("Unknown argument " + arg);
            }
        }
        StripeEmulator emulator = StripeEmulator.start(settings);
        for (String arg : args) {
            if (arg.startsWith("--webhook=") || arg.startsWith("--connect-webhook=")) {
                String[] urlAndSecret = value(arg).split(",", 2);
                emulator.registerWebhookEndpoint(URI.create(urlAndSecret[0]),
                        urlAndSecret.length > 1 ? urlAndSecret[1] : null, arg.startsWith("--connect-webhook="));
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "stripe-emulator-shutdown"));
        System.out.println("Stripe emulator listening on " + emulator.baseUrl() + " (platform account "
                + emulator.platformAccountId() + ")");
        emulator.webhookEndpoints().forEach(endpoint -> System.out.println("Webhook endpoint " + endpoint.url()
                + (endpoint.connect() ? " (Connect)" : "") + " signed with " + endpoint.secret()));
        new CountDownLatch(1).await();
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }
}
