package io.urop.devstack;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One process of the fleet: where its jar is built, the port it prefers, and its database. */
public enum Member {

    CONFIG_SERVER("config-server", "platform/config-server", 8888, null),
    DISCOVERY_SERVER("discovery-server", "platform/discovery-server", 8761, null),
    GATEWAY("gateway", "gateway", 8080, null),
    AUTH_SERVICE("auth-service", "auth-service", 8081, "auth"),
    TENANT_SERVICE("tenant-service", "tenant-service", 8082, "tenant"),
    MENU_SERVICE("menu-service", "menu-service", 8083, "menu"),
    QR_SERVICE("qr-service", "qr-service", 8084, "qr"),
    ORDER_SERVICE("order-service", "order-service", 8085, "orders"),
    PAYMENT_SERVICE("payment-service", "payment-service", 8086, "payment"),
    NOTIFICATION_SERVICE("notification-service", "notification-service", 8087, "notification"),
    WEB_APPS("web-apps", "web", 8088, null);

    private final String id;
    private final String module;
    private final int preferredPort;
    private final String database;

    Member(String id, String module, int preferredPort, String database) {
        this.id = id;
        this.module = module;
        this.preferredPort = preferredPort;
        this.database = database;
    }

    /** The business services: each has a database and is reached through the gateway. */
    public static List<Member> services() {
        return Arrays.stream(values()).filter(m -> m.database != null).toList();
    }

    /** What the gateway routes to: the business services and the browser apps. */
    public static List<Member> routed() {
        return Arrays.stream(values()).filter(m -> m.database != null || m == WEB_APPS).toList();
    }

    /** A path the gateway answers 200 on once it routes to this member: its OpenAPI document, or an app's page. */
    public String routedProbe() {
        return this == WEB_APPS ? "/table/" : "/v3/api-docs/" + id;
    }

    public String id() {
        return id;
    }

    public String module() {
        return module;
    }

    public int preferredPort() {
        return preferredPort;
    }

    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    public static Member byId(String id) {
        for (Member member : values()) {
            if (member.id.equals(id)) {
                return member;
            }
        }
        throw new IllegalArgumentException("No fleet member " + id);
    }
}
