package io.urop.devstack;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;

/**
 * The demo restaurant's dining room, set up through the gateway as its owner would: an area "Dining room" with
 * Table 1 to 12 and a "Terrace" with Terrace 1 to 6. What a previous run made (a database that persists) is kept;
 * only missing areas and tables are added.
 */
final class DemoTables {

    /** A numbered run of tables in one area. */
    record DemoArea(String name, String namePattern, int from, int to, int seats) {

        List<String> tableNames() {
            return IntStream.rangeClosed(from, to).mapToObj(n -> namePattern.replace("{n}", Integer.toString(n))).toList();
        }

        /** Its tables that the location does not have yet, in order. */
        List<String> missing(Set<String> taken) {
            return tableNames().stream().filter(name -> !taken.contains(name)).toList();
        }

        String describe() {
            return "'" + name + "' " + namePattern.replace("{n}", from + "-" + to);
        }
    }

    static final List<DemoArea> AREAS = List.of(
            new DemoArea("Dining room", "Table {n}", 1, 12, 4),
            new DemoArea("Terrace", "Terrace {n}", 1, 6, 2));

    /** The table whose code devstack prints. */
    static final String SHOWN_TABLE = "Table 1";

    /** The largest page the list endpoints give. */
    private static final int PAGE = 200;

    /**
     * The set-up dining room.
     *
     * @param created the tables this run created (0 when a previous run had made them all)
     * @param scanUrl what the code of {@link #SHOWN_TABLE} opens
     */
    record DiningRoom(int created, URI scanUrl) {

        String describe() {
            int tables = AREAS.stream().mapToInt(area -> area.to() - area.from() + 1).sum();
            String news = created == tables ? "" : created == 0 ? ", kept from an earlier run"
                    : ", " + created + " of them added now";
            return "Dining room: " + String.join(", ", AREAS.stream().map(DemoArea::describe).toList()) + " (" + tables
                    + " tables" + news + ")";
        }
    }

    private DemoTables() {
    }

    static DiningRoom setUp(URI gateway, String token, String locationId) {
        // qr-service, like menu-service, learns of the location from tenant-service's event
        JsonNode firstAreas = DemoSeed.json(DemoSeed.expect(DemoSeed.untilLocationKnown(() -> DemoSeed.send(gateway, "GET",
                "/api/v1/areas?size=" + PAGE + "&locationId=" + locationId, token, null)), 200, "listing the demo areas"));
        Map<String, String> areas = new LinkedHashMap<>();
        firstAreas.path("items").forEach(area -> areas.put(area.path("name").stringValue(""), area.path("id").stringValue("")));
        Map<String, String> tables = tables(gateway, token, locationId);
        int created = 0;
        for (DemoArea area : AREAS) {
            String areaId = areas.get(area.name());
            if (areaId == null) {
                areaId = DemoSeed.text(DemoSeed.json(DemoSeed.expect(DemoSeed.send(gateway, "POST", "/api/v1/areas", token,
                        "{\"locationId\": \"%s\", \"name\": \"%s\"}".formatted(locationId, area.name())), 201,
                        "creating the area " + area.name())), "id");
            }
            List<String> missing = area.missing(tables.keySet());
            if (missing.size() == area.tableNames().size()) {
                JsonNode run = DemoSeed.json(DemoSeed.expect(DemoSeed.send(gateway, "POST", "/api/v1/tables/bulk", token, """
                        {"locationId": "%s", "areaId": "%s", "namePattern": "%s", "from": %d, "to": %d, "seats": %d}"""
                        .formatted(locationId, areaId, area.namePattern(), area.from(), area.to(), area.seats())), 201,
                        "creating the tables of " + area.name()));
                run.forEach(table -> tables.put(table.path("name").stringValue(""), table.path("id").stringValue("")));
            }
            else {
                for (String name : missing) {
                    JsonNode table = DemoSeed.json(DemoSeed.expect(DemoSeed.send(gateway, "POST", "/api/v1/tables", token,
                            "{\"locationId\": \"%s\", \"areaId\": \"%s\", \"name\": \"%s\", \"seats\": %d}".formatted(
                                    locationId, areaId, name, area.seats())), 201, "creating " + name));
                    tables.put(name, DemoSeed.text(table, "id"));
                }
            }
            created += missing.size();
        }
        String shown = tables.get(SHOWN_TABLE);
        JsonNode code = DemoSeed.json(DemoSeed.expect(DemoSeed.send(gateway, "GET", "/api/v1/tables/" + shown + "/qr-code",
                token, null), 200, "reading the code of " + SHOWN_TABLE));
        return new DiningRoom(created, URI.create(DemoSeed.text(code, "scanUrl")));
    }

    /** Every table of the location, by name. */
    private static Map<String, String> tables(URI gateway, String token, String locationId) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = DemoSeed.send(gateway, "GET",
                    "/api/v1/tables?size=" + PAGE + "&page=" + page + "&locationId=" + locationId, token, null);
            JsonNode items = DemoSeed.json(DemoSeed.expect(response, 200, "listing the demo tables")).path("items");
            items.forEach(table -> tables.put(table.path("name").stringValue(""), table.path("id").stringValue("")));
            if (items.size() < PAGE) {
                return tables;
            }
        }
    }
}
