package io.urop.qr.token;

import java.util.Map;
import java.util.UUID;

import io.urop.security.CurrentUser;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A table's signed code, its rotation, and the tenant's QR key. */
@RestController
class QrCodeController {

    private final QrCodes codes;

    QrCodeController(QrCodes codes) {
        this.codes = codes;
    }

    @GetMapping("/api/v1/tables/{tableId}/qr-code")
    ResponseEntity<QrCode> current(@PathVariable UUID tableId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(codes.current(CurrentUser.require(), tableId));
    }

    /** Replaces the table's code: the printed ones are refused from now on. */
    @PostMapping("/api/v1/tables/{tableId}/qr-rotation")
    ResponseEntity<QrCode> rotate(@PathVariable UUID tableId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(codes.rotate(CurrentUser.require(), tableId));
    }

    /** A new QR key for the tenant, for the codes made from now on. */
    @PostMapping("/api/v1/tables/qr-keys")
    ResponseEntity<Map<String, Integer>> rotateKey() {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("version", codes.rotateTenantKey(CurrentUser.require())));
    }
}
