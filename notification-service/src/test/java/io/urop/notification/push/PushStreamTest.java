package io.urop.notification.push;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PushStreamTest {

    private static final UUID LOCATION = UUID.fromString("01a24c2d-73f6-7126-ad35-bc4210ceadfa");

    @Test
    void aStationIsNamedAsTheMenuNamesItAndOtherNamesAreNoStream() {
        assertThat(PushStream.parse("station:" + LOCATION + ":Hot line")).contains(PushStream.station(LOCATION,
                "Hot line"));
        assertThat(PushStream.parse("station:" + LOCATION + ":grill").orElseThrow().name())
                .isEqualTo("station:" + LOCATION + ":grill");
        assertThat(PushStream.parse("session:" + LOCATION)).contains(PushStream.session(LOCATION));
        for (String notOne : new String[] {"kitchen", "station:" + LOCATION, "station:" + LOCATION + ": ",
                "station:" + LOCATION + ":" + "x".repeat(51), "location:" + LOCATION + ":grill", "table:" + LOCATION,
                "location:not-an-id", null}) {
            assertThat(PushStream.parse(notOne)).as(String.valueOf(notOne)).isEmpty();
        }
    }

    @Test
    void aSequenceNumberIsWhatAStreamGivesAndNothingBeyondALong() {
        assertThat(StreamSeqs.valid("1733500000000-0")).isTrue();
        assertThat(StreamSeqs.next("1733500000000-7")).isEqualTo("1733500000000-8");
        assertThat(StreamSeqs.compare("1733500000001-0", "1733500000000-9")).isPositive();
        for (String notOne : new String[] {"9999999999999999999-0", "1-", "-1", "abc", "1-2-3", null}) {
            assertThat(StreamSeqs.valid(notOne)).as(String.valueOf(notOne)).isFalse();
        }
    }
}
