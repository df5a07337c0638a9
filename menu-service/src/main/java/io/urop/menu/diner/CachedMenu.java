package io.urop.menu.diner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.urop.menu.location.MenuAudience;

/**
 * A rendered public menu, kept gzip-compressed (a 300-dish menu is some 230 KB of JSON and a tenth of that
 * compressed: phones on a mobile network and the gateway both carry the smaller one), with its ETag, until when
 * the clock leaves it unchanged, the cache generation it was rendered under, and who may read it (the tenant and
 * the location's audience, read with the menu so that cached bytes always carry their own rule).
 */
record CachedMenu(String generation, Instant validUntil, String etag, UUID tenantId, MenuAudience audience,
        byte[] gzipped) {

    private static final int HEADER_LINES = 5;

    static CachedMenu of(String generation, Instant validUntil, String etag, UUID tenantId, MenuAudience audience,
            String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length() / 8);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CachedMenu(generation, validUntil, etag, tenantId, audience, bytes.toByteArray());
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

    /** As stored in Redis: five header lines, then the compressed bytes. */
    byte[] format() {
        byte[] header = (generation + "\n" + validUntil.toEpochMilli() + "\n" + etag + "\n" + tenantId + "\n"
                + audience.name() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] stored = new byte[header.length + gzipped.length];
        System.arraycopy(header, 0, stored, 0, header.length);
        System.arraycopy(gzipped, 0, stored, header.length, gzipped.length);
        return stored;
    }

    /** Empty for what is not an entry in this layout (one stored by an older release): it is rendered again. */
    static Optional<CachedMenu> parse(byte[] stored) {
        try {
            int[] ends = new int[HEADER_LINES];
            for (int i = 0, found = 0; found < HEADER_LINES; i++) {
                if (stored[i] == '\n') {
                    ends[found++] = i;
                }
            }
            String generation = line(stored, -1, ends[0]);
            long validUntil = Long.parseLong(line(stored, ends[0], ends[1]));
            String etag = line(stored, ends[1], ends[2]);
            UUID tenantId = UUID.fromString(line(stored, ends[2], ends[3]));
            MenuAudience audience = MenuAudience.valueOf(line(stored, ends[3], ends[4]));
            byte[] gzipped = new byte[stored.length - ends[4] - 1];
            System.arraycopy(stored, ends[4] + 1, gzipped, 0, gzipped.length);
            return Optional.of(new CachedMenu(generation, Instant.ofEpochMilli(validUntil), etag, tenantId, audience,
                    gzipped));
        }
        catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String line(byte[] stored, int previousEnd, int end) {
        return new String(stored, previousEnd + 1, end - previousEnd - 1, StandardCharsets.UTF_8);
    }
}
