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

import io.urop.menu.location.MenuAudience;
import io.urop.web.NotFoundException;

/**
 * The live menu of a location: what a diner's phone loads after scanning the table's code. Public, unless the
 * location keeps it for its table guests (then it takes their diner token, or a staff token: {@link AudienceCheck}).
 * Clients revalidate every time ({@code no-cache}) and get 304 while the menu, its availability and the dayparts
 * on now are unchanged; a table guests' menu is never kept by a shared cache ({@code private}).
 */
@RestController
class PublicMenuController {

    private final DinerMenus menus;
    private final AudienceCheck audience;

    PublicMenuController(DinerMenus menus, AudienceCheck audience) {
        this.menus = menus;
        this.audience = audience;
    }

    @GetMapping("/api/v1/public/locations/{locationId}/menu")
    ResponseEntity<byte[]> menu(@PathVariable UUID locationId, @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        CachedMenu menu = menus.menu(locationId, DinerLanguage.of(lang, acceptLanguage))
                .orElseThrow(() -> new NotFoundException("No menu is published for this location"));
        // before anything of the menu is answered, a 304 included
        audience.requireReader(menu, locationId, authorization);
        boolean gzip = acceptEncoding != null && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip");
        // each coding is its own representation, with its own strong ETag
        String etag = gzip ? menu.etag().replaceFirst("\"$", "-gzip\"") : menu.etag();
        if (etag.equals(ifNoneMatch)) {
            return revalidated(ResponseEntity.status(HttpStatus.NOT_MODIFIED), etag, menu.audience()).build();
        }
        ResponseEntity.BodyBuilder response = revalidated(ResponseEntity.ok(), etag, menu.audience())
                .contentType(MediaType.APPLICATION_JSON);
        return gzip ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(menu.gzipped())
                : response.body(menu.json());
    }

    private static ResponseEntity.BodyBuilder revalidated(ResponseEntity.BodyBuilder response, String etag,
            MenuAudience audience) {
        if (audience == MenuAudience.PUBLIC) {
            return response.eTag(etag).cacheControl(CacheControl.noCache().cachePublic())
                    .varyBy(HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.ACCEPT_ENCODING);
        }
        return response.eTag(etag).cacheControl(CacheControl.noCache().cachePrivate())
                .varyBy(HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.ACCEPT_ENCODING, HttpHeaders.AUTHORIZATION);
    }
}
