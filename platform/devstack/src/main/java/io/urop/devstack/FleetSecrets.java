package io.urop.devstack;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet's secrets, passed to every process as environment variables: each one given in the
 * environment is used as is (a persistent external database needs the same key-encryption key every
 * run), any other is random for this run.
 */
final class FleetSecrets {

    /** Every secret the fleet's configuration reads from the environment; each a base64 of 32 random bytes. */
    static final List<String> NAMES = List.of(
            "UROP_AUTH_KEY_ENCRYPTION_KEY",
            "UROP_QR_KEY_ENCRYPTION_KEY",
            "UROP_CLIENT_SECRET_TENANT_SERVICE",
            "UROP_CLIENT_SECRET_QR_SERVICE",
            "UROP_CLIENT_SECRET_NOTIFICATION_SERVICE",
            "UROP_CLIENT_SECRET_ORDER_SERVICE",
            "UROP_CLIENT_SECRET_PAYMENT_SERVICE",
            "UROP_PASSWORD_RESET_SIGNING_KEY",
            "UROP_INVITATION_SIGNING_KEY");

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Which process reads which secret: each gets only its own, as a Kubernetes Secret per service would. */
    private static final Map<Member, List<String>> READERS = Map.of(
            Member.AUTH_SERVICE, List.of("UROP_AUTH_KEY_ENCRYPTION_KEY", "UROP_PASSWORD_RESET_SIGNING_KEY",
                    "UROP_CLIENT_SECRET_TENANT_SERVICE", "UROP_CLIENT_SECRET_QR_SERVICE",
                    "UROP_CLIENT_SECRET_NOTIFICATION_SERVICE", "UROP_CLIENT_SECRET_ORDER_SERVICE",
                    "UROP_CLIENT_SECRET_PAYMENT_SERVICE"),
            Member.TENANT_SERVICE, List.of("UROP_CLIENT_SECRET_TENANT_SERVICE", "UROP_INVITATION_SIGNING_KEY"),
            Member.QR_SERVICE, List.of("UROP_CLIENT_SECRET_QR_SERVICE", "UROP_QR_KEY_ENCRYPTION_KEY"),
            Member.NOTIFICATION_SERVICE, List.of("UROP_CLIENT_SECRET_NOTIFICATION_SERVICE"),
            Member.ORDER_SERVICE, List.of("UROP_CLIENT_SECRET_ORDER_SERVICE"),
            Member.PAYMENT_SERVICE, List.of("UROP_CLIENT_SECRET_PAYMENT_SERVICE"));

    private final Map<String, String> values;

    private FleetSecrets(Map<String, String> values) {
        this.values = values;
    }

    static FleetSecrets from(Map<String, String> settings) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String name : NAMES) {
            String given = settings.get(name);
            secrets.put(name, given != null && !given.isBlank() ? given : random());
        }
        return new FleetSecrets(Map.copyOf(secrets));
    }

    /** The secrets a member of the fleet reads, by environment variable. */
    Map<String, String> of(Member member) {
        Map<String, String> own = new LinkedHashMap<>();
        READERS.getOrDefault(member, List.of()).forEach(name -> own.put(name, values.get(name)));
        return own;
    }

    private static String random() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
