package io.urop.menu.image;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.urop.events.Uuid7;
import io.urop.menu.access.MenuAccess;
import io.urop.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Uploads a dish picture (JPEG, PNG or WebP, the type told by its bytes, not by the request) as the raw request
 * body: it is stored in the standard widths, and its {@code imageKey} goes into an item of the draft. A picture no
 * menu shows any more can be deleted.
 */
@RestController
class ImageController {

    private final ImageStore store;
    private final Pictures pictures;
    private final DecodingMemory memory;
    private final ImageProperties properties;

    ImageController(ImageStore store, Pictures pictures, DecodingMemory memory, ImageProperties properties) {
        this.store = store;
        this.pictures = pictures;
        this.memory = memory;
        this.properties = properties;
    }

    @PostMapping("/api/v1/menus/images")
    ResponseEntity<UploadedImage> upload(HttpServletRequest request) throws IOException {
        CurrentUser user = CurrentUser.require();
        MenuAccess.requireBuilder(user);
        Map<Integer, byte[]> renditions = renditionsOf(request);
        UUID imageId = Uuid7.next();
        renditions.forEach((width, jpeg) -> store.put(user.requireTenant(), imageId, width, jpeg));
        pictures.recordUpload(user, imageId);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new UploadedImage(imageId.toString(), store.urls(user.requireTenant(), imageId.toString())));
    }

    /** Owners and managers: a picture no draft and no live version shows (else 409), with its stored widths. */
    @DeleteMapping("/api/v1/menus/images/{imageKey}")
    ResponseEntity<Void> delete(@PathVariable String imageKey) {
        pictures.delete(CurrentUser.require(), imageKey);
        return ResponseEntity.noContent().build();
    }

    /** Reads and decodes the upload within the memory it reserved first: its declared length, else the largest. */
    private Map<Integer, byte[]> renditionsOf(HttpServletRequest request) throws IOException {
        long limit = properties.maxUploadSize().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        try (DecodingMemory.Reservation reserved = memory.reserve(declared < 0 ? limit : declared)) {
            byte[] upload = readAtMost(request.getInputStream(), limit);
            if (ImageFormat.sniff(upload).isEmpty()) {
                throw new UnusableImageException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Upload a JPEG, PNG or WebP picture");
            }
            return Renditions.of(upload, properties.widths(), reserved);
        }
    }

    private static byte[] readAtMost(InputStream body, long limit) throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw tooLarge(limit);
        }
        if (bytes.length == 0) {
            throw new UnusableImageException("The request has no picture in its body");
        }
        return bytes;
    }

    private static UnusableImageException tooLarge(long limit) {
        return new UnusableImageException(HttpStatus.CONTENT_TOO_LARGE, "The picture is larger than " + limit + " bytes");
    }

    /** @param imageKey what an item of the draft names the picture by */
    record UploadedImage(String imageKey, Map<Integer, URI> urls) {
    }
}
