package io.urop.qr.image;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.urop.security.CurrentUser;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A table's current code as PNG or SVG ({@code size} in pixels; {@code logoSpace} leaves the middle white for a
 * logo), and the printable PDF sheet of a location's (or one area's) active tables.
 */
@RestController
class QrImageController {

    private final TableCodeImages images;

    QrImageController(TableCodeImages images) {
        this.images = images;
    }

    @GetMapping("/api/v1/tables/{tableId}/qr-code.png")
    ResponseEntity<byte[]> png(@PathVariable UUID tableId, @RequestParam(defaultValue = "512") @Min(64) @Max(4096) int size,
            @RequestParam(defaultValue = "false") boolean logoSpace) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(images.png(CurrentUser.require(), tableId, size, logoSpace));
    }

    @GetMapping("/api/v1/tables/{tableId}/qr-code.svg")
    ResponseEntity<byte[]> svg(@PathVariable UUID tableId, @RequestParam(defaultValue = "512") @Min(64) @Max(4096) int size,
            @RequestParam(defaultValue = "false") boolean logoSpace) {
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).cacheControl(CacheControl.noStore())
                .body(images.svg(CurrentUser.require(), tableId, size, logoSpace));
    }

    @GetMapping("/api/v1/tables/qr-sheet.pdf")
    ResponseEntity<byte[]> sheet(@RequestParam UUID locationId, @RequestParam(required = false) UUID areaId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", ContentDisposition.attachment().filename("qr-codes.pdf").build().toString())
                .body(images.sheet(CurrentUser.require(), locationId, areaId));
    }
}
