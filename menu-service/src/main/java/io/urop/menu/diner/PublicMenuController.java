package io.urop.menu.diner;

import java.util.Locale;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.urop.web.NotFoundException;

/**
 * The live menu of a location, public: what a diner's phone loads after scanning the table's code. Clients
 * revalidate every time ({@code no-cache}) and get 304 while the menu, its availability and the dayparts
 * on now are unchanged.
 */
@RestController
class PublicMenuController {

    private final DinerMenus menus;

    PublicMenuController(DinerMenus menus) {
        this.menus = menus;
    }

    @GetMapping("/api/v1/public/locations/{locationId}/menu")
    ResponseEntity<byte[]> menu(@PathVariable UUID locationId, @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        CachedMenu menu = menus.menu(locationId, DinerLanguage.of(lang, acceptLanguage))
                .orElseThrow(() -> new NotFoundException("No menu is published for this location"));
        boolean gzip = acceptEncoding != null && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip");
        // each coding is its own representation, with its own strong ETag
        String etag = gzip ? menu.etag().replaceFirst("\"$", "-gzip\"") : menu.etag();
        if (etag.equals(ifNoneMatch)) {
            return revalidated(ResponseEntity.status(HttpStatus.NOT_MODIFIED), etag).build();
        }
        ResponseEntity.BodyBuilder response = revalidated(ResponseEntity.ok(), etag).contentType(MediaType.APPLICATION_JSON);
        return gzip ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(menu.gzipped())
                : response.body(menu.json());
    }

    private static ResponseEntity.BodyBuilder revalidated(ResponseEntity.BodyBuilder response, String etag) {
        return response.eTag(etag).cacheControl(CacheControl.noCache().cachePublic())
                .varyBy(HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.ACCEPT_ENCODING);
    }
}
