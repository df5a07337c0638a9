package io.urop.qr.token;

import java.net.URI;
import java.util.UUID;

/** A table's current code: its token, and the URL a phone opens when it scans it. */
public record QrCode(UUID tableId, int qrVersion, String token, URI scanUrl) {
}
