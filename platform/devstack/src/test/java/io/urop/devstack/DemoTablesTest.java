package io.urop.devstack;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTablesTest {

    @Test
    void theDiningRoomHasTwelveTablesAndTheTerraceSix() {
        assertThat(DemoTables.AREAS).extracting(DemoTables.DemoArea::name).containsExactly("Dining room", "Terrace");
        assertThat(DemoTables.AREAS.get(0).tableNames()).hasSize(12).startsWith(DemoTables.SHOWN_TABLE).endsWith("Table 12");
        assertThat(DemoTables.AREAS.get(1).tableNames()).containsExactly("Terrace 1", "Terrace 2", "Terrace 3",
                "Terrace 4", "Terrace 5", "Terrace 6");
    }

    @Test
    void onlyTheTablesALocationLacksAreAddedAgain() {
        DemoTables.DemoArea terrace = DemoTables.AREAS.get(1);

        assertThat(terrace.missing(Set.of())).isEqualTo(terrace.tableNames());
        assertThat(terrace.missing(Set.of("Terrace 1", "Terrace 2", "Terrace 4", "Terrace 5", "Terrace 6", "Table 3")))
                .containsExactly("Terrace 3");
        assertThat(terrace.missing(Set.copyOf(terrace.tableNames()))).isEmpty();
    }

    @Test
    void theRoomSaysWhatItHasAndWhatWasAddedNow() {
        assertThat(new DemoTables.DiningRoom(18, null).describe())
                .isEqualTo("Dining room: 'Dining room' Table 1-12, 'Terrace' Terrace 1-6 (18 tables)");
        assertThat(new DemoTables.DiningRoom(0, null).describe()).endsWith("(18 tables, kept from an earlier run)");
        assertThat(new DemoTables.DiningRoom(1, null).describe()).endsWith("(18 tables, 1 of them added now)");
    }
}
