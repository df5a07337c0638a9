package io.urop.notification.push;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stream of pushes a client subscribes to, by the name it gives: {@code station:<location>:<station>} (a kitchen
 * station's tickets), {@code location:<location>} (every ticket and order of a location: the expeditor's and the
 * floor's), {@code session:<table session>} (a table's orders, tab and payments, for its diners) and
 * {@code menu:<location>} (what sells out, for the location's open menus). A station is named as the menu names it (up
 * to 50 characters). Its Redis key carries the tenant, so two tenants' streams never meet.
 */
public record PushStream(Kind kind, UUID id, String station) {

    private static final Pattern NAME = Pattern.compile(
            "(station|location|session|menu):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
                    + "(?::(\\S(?:.{0,48}\\S)?))?");

    public enum Kind {
        STATION, LOCATION, SESSION, MENU
    }

    public static PushStream station(UUID location, String station) {
        return new PushStream(Kind.STATION, location, station);
    }

    public static PushStream location(UUID location) {
        return new PushStream(Kind.LOCATION, location, null);
    }

    public static PushStream session(UUID tableSession) {
        return new PushStream(Kind.SESSION, tableSession, null);
    }

    public static PushStream menu(UUID location) {
        return new PushStream(Kind.MENU, location, null);
    }

    /** The stream a client names, if it is one. */
    public static Optional<PushStream> parse(String name) {
        Matcher matcher = name == null ? null : NAME.matcher(name);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        Kind kind = Kind.valueOf(matcher.group(1).toUpperCase(java.util.Locale.ROOT));
        if ((kind == Kind.STATION) != (matcher.group(3) != null)) {
            return Optional.empty();
        }
        return Optional.of(new PushStream(kind, UUID.fromString(matcher.group(2)), matcher.group(3)));
    }

    public String name() {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
        return station == null ? name : name + ":" + station;
    }

    public String key(UUID tenantId) {
        return "urop:push:" + tenantId + ":" + name();
    }
}
