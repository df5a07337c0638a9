package io.urop.qr.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.urop.events.table.TableQrRotated;
import io.urop.messaging.outbox.Outbox;
import io.urop.qr.location.KnownLocations;
import io.urop.qr.table.DiningTable;
import io.urop.qr.table.TableAccess;
import io.urop.qr.table.Tables;
import io.urop.security.CurrentUser;
import io.urop.contracts.Role;
import io.urop.web.NotFoundException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tables' signed codes: the current one of a table (for printing), rotating a table's codes (which revokes the
 * printed ones at once and ends the table's session, {@code table.qr-rotated}), a new key for the tenant, and judging a
 * scanned code.
 */
@Service
@EnableConfigurationProperties(QrCodeProperties.class)
public class QrCodes {

    public static final int MAX_SHEET = 500;

    private final Tables tables;
    private final KnownLocations locations;
    private final QrKeyRing ring;
    private final QrCodeProperties properties;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QrCodes(Tables tables, KnownLocations locations, QrKeyRing ring, QrCodeProperties properties, Outbox outbox,
            ApplicationEventPublisher events, Clock clock) {
        this.tables = tables;
        this.locations = locations;
        this.ring = ring;
        this.properties = properties;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** The table's current code; owners and the managers of its location print them. */
    @Transactional
    public QrCode current(CurrentUser user, UUID tableId) {
        DiningTable table = tables.find(tableId).orElseThrow(QrCodes::noTable);
        TableAccess.requireManager(user, table.locationId());
        return codeOf(user.requireTenant(), tableId);
    }

    /** The current code of a table the caller was already allowed to see (the tenant bound, in a transaction). */
    public QrCode codeOf(UUID tenantId, UUID tableId) {
        ring.signingVersion(tenantId);
        Tables.CodeState state = tables.codeState(tableId).orElseThrow(QrCodes::noTable);
        byte[] key = ring.key(tenantId, state.keyVersion())
                .orElseThrow(() -> new IllegalStateException("The tenant's QR key " + state.keyVersion() + " is missing"));
        String token = new QrToken(tenantId, tableId, state.qrVersion()).sign(key);
        return new QrCode(tableId, state.qrVersion(), token, properties.scanUrl(token));
    }

    /**
     * The current codes of a location's active tables (of one area, if given), in the order staff list them: what
     * a printed sheet shows. At most {@link #MAX_SHEET} tables.
     */
    @Transactional
    public List<NamedCode> activeCodes(CurrentUser user, UUID locationId, UUID areaId) {
        TableAccess.requireManager(user, locationId);
        locations.find(locationId).orElseThrow(() -> new NotFoundException("No such location"));
        UUID tenant = user.requireTenant();
        return tables.list(locationId, areaId, true, 0, MAX_SHEET).stream()
                .map(table -> new NamedCode(table.name(), codeOf(tenant, table.id()))).toList();
    }

    public record NamedCode(String tableName, QrCode code) {
    }

    /**
     * Replaces the table's codes: every code printed so far is refused from now on, and the table's session ends (the
     * scan package, on the event, before the transaction commits).
     */
    @Transactional
    public QrCode rotate(CurrentUser user, UUID tableId) {
        DiningTable table = tables.findForUpdate(tableId).orElseThrow(QrCodes::noTable);
        TableAccess.requireManager(user, table.locationId());
        UUID tenant = user.requireTenant();
        Instant now = clock.instant();
        int version = tables.rotateQr(tableId, ring.signingVersion(tenant), now);
        TableQrRotated rotated = new TableQrRotated(tableId, tenant, table.locationId(), version, now);
        outbox.add(rotated, tenant, tableId.toString());
        events.publishEvent(rotated);
        return codeOf(tenant, tableId);
    }

    /**
     * A new key for the tenant: it signs the codes of tables created or rotated from now on. Codes already printed
     * keep working (their key stays in the ring); rotate a table to replace its code.
     */
    @Transactional
    public int rotateTenantKey(CurrentUser user) {
        if (!user.hasRole(Role.OWNER)) {
            throw new AccessDeniedException("Only owners renew the restaurant's QR key");
        }
        UUID tenant = user.requireTenant();
        ring.signingVersion(tenant);
        return ring.rotate(tenant);
    }

    /** Judges a code that was read; in a transaction bound to the tenant it names. */
    public CodeVerdict judge(QrToken.Presented code) {
        UUID tenant = code.claims().tenantId();
        return CodeVerdict.judge(code, tables.codeState(code.claims().tableId()), version -> ring.key(tenant, version),
                () -> ring.versions(tenant));
    }

    private static NotFoundException noTable() {
        return new NotFoundException("No such table");
    }
}
