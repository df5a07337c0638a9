package io.urop.qr.table;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.urop.events.Uuid7;
import io.urop.events.table.TableCreated;
import io.urop.events.table.TableDeactivated;
import io.urop.events.table.TableReactivated;
import io.urop.messaging.outbox.Outbox;
import io.urop.qr.location.KnownLocations;
import io.urop.security.CurrentUser;
import io.urop.web.ConflictException;
import io.urop.web.NotFoundException;
import io.urop.web.Paged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting up a location's areas and tables: one at a time or a numbered run at once, each name unique at its
 * location. {@code table.created} and {@code table.deactivated} go out through the outbox with the change; a table
 * taken out of service ends its session too (the scan package, on the event, before the transaction commits).
 */
@Service
class TableSetup {

    private final Areas areas;
    private final Tables tables;
    private final KnownLocations locations;
    private final SigningKeyVersions keyVersions;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TableSetup(Areas areas, Tables tables, KnownLocations locations, SigningKeyVersions keyVersions, Outbox outbox,
            ApplicationEventPublisher events, Clock clock) {
        this.areas = areas;
        this.keyVersions = keyVersions;
        this.tables = tables;
        this.locations = locations;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Area createArea(CurrentUser user, TableRequests.NewArea request) {
        TableAccess.requireManager(user, request.locationId());
        requireKnownLocation(request.locationId());
        Area area = new Area(Uuid7.next(), request.locationId(), request.name(), clock.instant());
        try {
            areas.insert(area, user.requireTenant());
        }
        catch (DuplicateKeyException e) {
            throw new ConflictException("The location already has an area named '" + request.name() + "'");
        }
        return area;
    }

    @Transactional(readOnly = true)
    public Paged<Area> areas(CurrentUser user, UUID locationId, int page, int size) {
        TableAccess.requireReader(user, locationId);
        requireKnownLocation(locationId);
        return new Paged<>(areas.list(locationId, (long) page * size, size), page, size, areas.count(locationId));
    }

    @Transactional(readOnly = true)
    public Area area(CurrentUser user, UUID areaId) {
        Area area = areas.find(areaId).orElseThrow(TableSetup::noArea);
        TableAccess.requireReader(user, area.locationId());
        return area;
    }

    @Transactional
    public Area renameArea(CurrentUser user, UUID areaId, String name) {
        Area area = areas.find(areaId).orElseThrow(TableSetup::noArea);
        TableAccess.requireManager(user, area.locationId());
        try {
            areas.rename(areaId, name);
        }
        catch (DuplicateKeyException e) {
            throw new ConflictException("The location already has an area named '" + name + "'");
        }
        return areas.find(areaId).orElseThrow();
    }

    @Transactional
    public void deleteArea(CurrentUser user, UUID areaId) {
        Area area = areas.find(areaId).orElseThrow(TableSetup::noArea);
        TableAccess.requireManager(user, area.locationId());
        areas.delete(areaId);
    }

    @Transactional
    public DiningTable create(CurrentUser user, TableRequests.NewTable request) {
        return createAll(user, request.locationId(), request.areaId(), List.of(request.name()), request.seats()).get(0);
    }

    @Transactional
    public List<DiningTable> createBulk(CurrentUser user, TableRequests.Bulk request) {
        List<String> names = IntStream.rangeClosed(request.from(), request.to()).mapToObj(request::nameOf).toList();
        return createAll(user, request.locationId(), request.areaId(), names, request.seats());
    }

    private List<DiningTable> createAll(CurrentUser user, UUID locationId, UUID areaId, List<String> names, int seats) {
        TableAccess.requireManager(user, locationId);
        requireKnownLocation(locationId);
        requireAreaAt(areaId, locationId);
        List<String> taken = tables.namesTaken(locationId, names);
        if (!taken.isEmpty()) {
            throw new ConflictException("The location already has tables named " + String.join(", ", taken)
                    + "; none was created");
        }
        UUID tenant = user.requireTenant();
        int keyVersion = keyVersions.current(tenant);
        Instant now = clock.instant();
        List<DiningTable> created = new ArrayList<>();
        try {
            for (String name : names) {
                DiningTable table = new DiningTable(Uuid7.next(), locationId, areaId, name, seats, true, 1, now, now);
                tables.insert(table, tenant, keyVersion);
                outbox.add(new TableCreated(table.id(), tenant, locationId, areaId, name, seats, now), tenant,
                        table.id().toString());
                created.add(table);
            }
        }
        catch (DuplicateKeyException e) {
            // created by someone else meanwhile: this transaction, with every table of it, rolls back
            throw new ConflictException("A table of that name was just created at the location; none was created");
        }
        return created;
    }

    @Transactional(readOnly = true)
    public Paged<DiningTable> tables(CurrentUser user, UUID locationId, UUID areaId, Boolean active, int page, int size) {
        TableAccess.requireReader(user, locationId);
        requireKnownLocation(locationId);
        return new Paged<>(tables.list(locationId, areaId, active, (long) page * size, size), page, size,
                tables.count(locationId, areaId, active));
    }

    @Transactional(readOnly = true)
    public DiningTable table(CurrentUser user, UUID tableId) {
        DiningTable table = tables.find(tableId).orElseThrow(TableSetup::noTable);
        TableAccess.requireReader(user, table.locationId());
        return table;
    }

    @Transactional
    public DiningTable update(CurrentUser user, UUID tableId, TableRequests.TableDetails details) {
        DiningTable table = tables.findForUpdate(tableId).orElseThrow(TableSetup::noTable);
        TableAccess.requireManager(user, table.locationId());
        requireAreaAt(details.areaId(), table.locationId());
        try {
            tables.update(tableId, details.areaId(), details.name(), details.seats(), clock.instant());
        }
        catch (DuplicateKeyException e) {
            throw new ConflictException("The location already has a table named '" + details.name() + "'");
        }
        return tables.find(tableId).orElseThrow();
    }

    /**
     * Takes the table out of service, ending its session, or puts it back; asking for the state it is in changes
     * nothing.
     */
    @Transactional
    public DiningTable setActive(CurrentUser user, UUID tableId, boolean active) {
        DiningTable table = tables.findForUpdate(tableId).orElseThrow(TableSetup::noTable);
        TableAccess.requireManager(user, table.locationId());
        if (table.active() != active) {
            Instant now = clock.instant();
            tables.setActive(tableId, active, now);
            UUID tenant = user.requireTenant();
            Object changed = active ? new TableReactivated(tableId, tenant, table.locationId(), now)
                    : new TableDeactivated(tableId, tenant, table.locationId(), now);
            outbox.add(changed, tenant, tableId.toString());
            events.publishEvent(changed);
        }
        return tables.find(tableId).orElseThrow();
    }

    private void requireKnownLocation(UUID locationId) {
        locations.find(locationId).orElseThrow(() -> new NotFoundException("No such location"));
    }

    private void requireAreaAt(UUID areaId, UUID locationId) {
        if (areaId != null && !areas.find(areaId).map(area -> area.locationId().equals(locationId)).orElse(false)) {
            throw new NotFoundException("No such area at this location");
        }
    }

    private static NotFoundException noArea() {
        return new NotFoundException("No such area");
    }

    static NotFoundException noTable() {
        return new NotFoundException("No such table");
    }
}
