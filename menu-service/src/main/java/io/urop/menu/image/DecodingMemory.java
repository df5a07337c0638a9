package io.urop.menu.image;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The heap that uploads being read and decoded may hold at once. Every upload reserves what its body and its decoded
 * pixels will take before either is allocated, so no picture, and no number of pictures sent together, can exhaust
 * the service's memory: an upload that would need more than a picture may take is refused (422), and one that
 * finds the memory in use by others waits a little, then gets a 503 to retry.
 */
@Component
class DecodingMemory {

    private static final int KIB = 1024;

    private final Semaphore kibibytes;
    private final long perPicture;
    private final Duration wait;

    @Autowired
    DecodingMemory(ImageProperties properties) {
        this(properties.decodingMemory(), properties.maxDecodedSize(), properties.decodingWait());
    }

    DecodingMemory(DataSize total, DataSize perPicture, Duration wait) {
        if (perPicture.toBytes() > total.toBytes()) {
            throw new IllegalArgumentException("A picture may not take more than the decoding memory of all ("
                    + perPicture + " > " + total + ")");
        }
        this.kibibytes = new Semaphore(Math.toIntExact(total.toBytes() / KIB), true);
        this.perPicture = perPicture.toBytes();
        this.wait = wait;
    }

    /** Memory for one upload, held until it is closed; it starts with {@code bytes} and may grow. */
    Reservation reserve(long bytes) {
        Reservation reservation = new Reservation();
        reservation.grow(bytes);
        return reservation;
    }

    /** What one upload holds of the memory; closing it gives all of it back. */
    final class Reservation implements AutoCloseable {

        private long bytes;

        private Reservation() {
        }

        /** Takes {@code more} bytes: 422 when the upload would hold more than a picture may, 503 when others hold it. */
        void grow(long more) {
            if (bytes + more > perPicture) {
                throw new UnusableImageException(HttpStatus.UNPROCESSABLE_CONTENT, "The picture is too large: it needs "
                        + megabytes(bytes + more) + " MB of memory to decode, at most " + megabytes(perPicture)
                        + " MB is allowed; send it with fewer pixels (a few thousand wide is plenty)");
            }
            int permits = kibibytesOf(bytes + more) - kibibytesOf(bytes);
            try {
                if (!kibibytes.tryAcquire(permits, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw busy();
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw busy();
            }
            bytes += more;
        }

        @Override
        public void close() {
            kibibytes.release(kibibytesOf(bytes));
            bytes = 0;
        }
    }

    private static int kibibytesOf(long bytes) {
        return Math.toIntExact((bytes + KIB - 1) / KIB);
    }

    private static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    private static UnusableImageException busy() {
        UnusableImageException busy = new UnusableImageException(HttpStatus.SERVICE_UNAVAILABLE,
                "Other pictures are being processed; send this one again in a few seconds");
        busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return busy;
    }
}
