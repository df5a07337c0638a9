package io.urop.menu.image;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecodingMemoryTest {

    private final DecodingMemory memory = new DecodingMemory(DataSize.ofMegabytes(10), DataSize.ofMegabytes(6),
            Duration.ofMillis(50));

    @Test
    void uploadsTogetherNeverHoldMoreThanTheMemoryOfAllAndTheNextOneIsToldToRetry() {
        try (DecodingMemory.Reservation first = memory.reserve(DataSize.ofMegabytes(5).toBytes())) {
            DecodingMemory.Reservation second = memory.reserve(DataSize.ofMegabytes(1).toBytes());

            assertThatThrownBy(() -> second.grow(DataSize.ofMegabytes(5).toBytes()))
                    .isInstanceOfSatisfying(UnusableImageException.class, busy -> {
                        assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo("5");
                    });
            second.close();
        }

        try (DecodingMemory.Reservation afterwards = memory.reserve(DataSize.ofMegabytes(6).toBytes())) {
            afterwards.grow(0);
        }
    }

    @Test
    void onePictureNeedingMoreThanAPictureMayTakeIsRefusedWithoutWaiting() {
        try (DecodingMemory.Reservation reservation = memory.reserve(DataSize.ofMegabytes(2).toBytes())) {
            assertThatThrownBy(() -> reservation.grow(DataSize.ofMegabytes(5).toBytes()))
                    .isInstanceOfSatisfying(UnusableImageException.class, refused -> assertThat(refused.getStatusCode())
                            .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
        }
        try (DecodingMemory.Reservation all = memory.reserve(DataSize.ofMegabytes(6).toBytes())) {
            all.grow(0);
        }
    }
}
