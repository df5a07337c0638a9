package io.urop.notification.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.urop.notification.delivery.Channel;

/**
 * The messages the platform writes, each with the channels and languages it is written in, whether a tenant may word
 * it its own way, and example values of every variable its templates may name (what a tenant's template is checked
 * against).
 */
public enum MessageKind {

    ORDER_READY("order-ready", Set.of(Channel.EMAIL, Channel.SMS), Languages.SUPPORTED, true, Map.of(
            "restaurant", "Chez Marcel",
            "reference", "4F2A91C0",
            "collect", false,
            "items", List.of(Map.of("quantity", 2, "name", "Margherita"), Map.of("quantity", 1, "name", "Tiramisu")))),

    RECEIPT("receipt", Set.of(Channel.EMAIL), Languages.SUPPORTED, true, Map.ofEntries(
            Map.entry("restaurant", "Chez Marcel"),
            Map.entry("reference", "4F2A91C0"),
            Map.entry("placedAt", "6 December 2026, 19:42"),
            Map.entry("lines", List.of(
                    Map.of("quantity", 2, "name", "Margherita", "unitPrice", "€9.50", "total", "€19.00"),
                    Map.of("quantity", 1, "name", "Tiramisu", "unitPrice", "€6.00", "total", "€6.00"))),
            Map.entry("subtotal", "€25.00"),
            Map.entry("tax", "€2.27"),
            Map.entry("taxIncluded", true),
            Map.entry("serviceCharge", "€1.25"),
            Map.entry("tip", "€2.50"),
            Map.entry("total", "€26.25"),
            Map.entry("paid", "€28.75"))),

    INVITATION("invitation", Set.of(Channel.EMAIL), List.of(Languages.DEFAULT), true, Map.of(
            "restaurant", "Chez Marcel",
            "role", "manager",
            "aRole", "a manager",
            "link", "https://app.urop.io/admin/invitations/accept#token",
            "expiresAt", "13 December 2026 at 19:42 UTC")),

    PASSWORD_RESET("password-reset", Set.of(Channel.EMAIL), List.of(Languages.DEFAULT), false, Map.of(
            "email", "marcel@example.com",
            "link", "https://app.urop.io/admin/password-reset#token",
            "expiresAt", "6 December 2026 at 20:42 UTC")),

    SIGNUP_ATTEMPTED("signup-attempted", Set.of(Channel.EMAIL), List.of(Languages.DEFAULT), false, Map.of(
            "email", "marcel@example.com",
            "attemptedAt", "6 December 2026 at 19:42 UTC",
            "accountActive", true,
            "staffAppUrl", "https://app.urop.io/admin/"));

    private final String wireName;
    private final Set<Channel> channels;
    private final List<String> languages;
    private final boolean tenantWorded;
    private final Map<String, Object> example;

    MessageKind(String wireName, Set<Channel> channels, List<String> languages, boolean tenantWorded,
            Map<String, Object> example) {
        this.wireName = wireName;
        this.channels = channels;
        this.languages = languages;
        this.tenantWorded = tenantWorded;
        this.example = example;
    }

    /** As the API, the delivery log and the template files name it: {@code order-ready}. */
    public String wireName() {
        return wireName;
    }

    public Set<Channel> channels() {
        return channels;
    }

    public List<String> languages() {
        return languages;
    }

    /** Whether a tenant may replace the built-in wording (the emails about a person's own account it may not). */
    public boolean tenantWorded() {
        return tenantWorded;
    }

    Map<String, Object> example() {
        return example;
    }

    boolean isWrittenIn(Channel channel, String language) {
        return channels.contains(channel) && languages.contains(language);
    }

    static Optional<MessageKind> ofWireName(String wireName) {
        for (MessageKind kind : values()) {
            if (kind.wireName.equals(wireName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
