package io.urop.menu.diner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered public menu, kept gzip-compressed (a 300-dish menu is some 230 KB of JSON and a tenth of that
 * compressed: phones on a mobile network and the gateway both carry the smaller one), with its ETag, until when
 * the clock leaves it unchanged, and the cache generation it was rendered under.
 */
record CachedMenu(String generation, Instant validUntil, String etag, byte[] gzipped) {

    static CachedMenu of(String generation, Instant validUntil, String etag, String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length() / 8);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CachedMenu(generation, validUntil, etag, bytes.toByteArray());
    }

    /** The JSON itself, for the rare client that does not take gzip. */
    byte[] json() {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return gzip.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As stored in Redis: three header lines, then the compressed bytes. */
    byte[] format() {
        byte[] header = (generation + "\n" + validUntil.toEpochMilli() + "\n" + etag + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] stored = new byte[header.length + gzipped.length];
        System.arraycopy(header, 0, stored, 0, header.length);
        System.arraycopy(gzipped, 0, stored, header.length, gzipped.length);
        return stored;
    }

    static CachedMenu parse(byte[] stored) {
        int[] ends = new int[3];
        for (int i = 0, found = 0; found < 3; i++) {
            if (stored[i] == '\n') {
                ends[found++] = i;
            }
        }
        String generation = new String(stored, 0, ends[0], StandardCharsets.UTF_8);
        long validUntil = Long.parseLong(new String(stored, ends[0] + 1, ends[1] - ends[0] - 1, StandardCharsets.UTF_8));
        String etag = new String(stored, ends[1] + 1, ends[2] - ends[1] - 1, StandardCharsets.UTF_8);
        byte[] gzipped = new byte[stored.length - ends[2] - 1];
        System.arraycopy(stored, ends[2] + 1, gzipped, 0, gzipped.length);
        return new CachedMenu(generation, Instant.ofEpochMilli(validUntil), etag, gzipped);
    }
}
