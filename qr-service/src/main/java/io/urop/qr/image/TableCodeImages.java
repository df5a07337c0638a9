package io.urop.qr.image;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.urop.qr.token.QrCode;
import io.urop.qr.token.QrCodes;
import io.urop.security.CurrentUser;

import org.springframework.stereotype.Service;

/**
 * A table's code as an image, and a location's codes as a printable sheet, kept in S3 once rendered. An object's key
 * is the tenant, then a digest of everything drawn on it: a rotated code or a renamed table is a new object.
 */
@Service
class TableCodeImages {

    private final QrCodes codes;
    private final QrImageStore store;

    TableCodeImages(QrCodes codes, QrImageStore store) {
        this.codes = codes;
        this.store = store;
    }

    byte[] png(CurrentUser user, UUID tableId, int size, boolean logoSpace) {
        QrCode code = codes.current(user, tableId);
        String url = code.scanUrl().toString();
        return store.getOrRender(key(user, "codes", url, size, logoSpace) + ".png", "image/png",
                () -> QrImages.png(url, size, logoSpace));
    }

    byte[] svg(CurrentUser user, UUID tableId, int size, boolean logoSpace) {
        QrCode code = codes.current(user, tableId);
        String url = code.scanUrl().toString();
        return store.getOrRender(key(user, "codes", url, size, logoSpace) + ".svg", "image/svg+xml",
                () -> QrImages.svg(url, size, logoSpace));
    }

    byte[] sheet(CurrentUser user, UUID locationId, UUID areaId) {
        List<QrCodes.NamedCode> tables = codes.activeCodes(user, locationId, areaId);
        StringBuilder drawn = new StringBuilder();
        tables.forEach(table -> drawn.append(table.tableName()).append('\n').append(table.code().scanUrl()).append('\n'));
        return store.getOrRender(key(user, "sheets", drawn.toString(), QrSheet.VERSION, false) + ".pdf",
                "application/pdf", () -> QrSheet.render(tables));
    }

    private static String key(CurrentUser user, String kind, String drawn, int size, boolean logoSpace) {
        return user.requireTenant() + "/" + kind + "/" + digest(drawn) + "/" + size + (logoSpace ? "-logo" : "");
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
