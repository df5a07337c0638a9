package io.urop.tenant.location;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.urop.tenant.TenantScope;
import io.urop.web.IfMatch;
import io.urop.web.Paged;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's locations, with their address, settings and opening hours, for the tenant's people; and each
 * location's public profile, which is all its table guests (DINER) read. ETags carry the version.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/locations")
class LocationController {

    private final LocationDirectory directory;

    LocationController(LocationDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    Paged<LocationResponse> list(@PathVariable UUID tenantId,
            @RequestParam(defaultValue = "false") boolean includeInactive,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Paged.DEFAULT_SIZE) @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return directory.list(TenantScope.require(tenantId), includeInactive, page, size);
    }

    @GetMapping("/{locationId}")
    ResponseEntity<LocationResponse> get(@PathVariable UUID tenantId, @PathVariable UUID locationId) {
        return withETag(ResponseEntity.ok(), directory.get(TenantScope.require(tenantId), locationId));
    }

    /**
     * The location's name, opening hours, currency and time zone: what the customer app shows. Its diners read
     * their own location's (any other answers 404), the tenant's people those they may see.
     */
    @GetMapping("/{locationId}/profile")
    ResponseEntity<LocationProfile> profile(@PathVariable UUID tenantId, @PathVariable UUID locationId) {
        Location location = directory.get(TenantScope.requireAnyone(tenantId), locationId);
        return ResponseEntity.ok().eTag("\"" + location.version() + "\"").body(LocationProfile.of(location));
    }

    /** Owners only. */
    @PostMapping
    ResponseEntity<LocationResponse> open(@PathVariable UUID tenantId, @Valid @RequestBody LocationDetails details) {
        Location location = directory.open(TenantScope.require(tenantId), details);
        URI uri = URI.create("/api/v1/tenants/" + tenantId + "/locations/" + location.id());
        return withETag(ResponseEntity.created(uri), location);
    }

    /** Owners, and managers of this location; with If-Match, only if nobody changed it meanwhile (else 412). */
    @PutMapping("/{locationId}")
    ResponseEntity<LocationResponse> change(@PathVariable UUID tenantId, @PathVariable UUID locationId,
            @Valid @RequestBody LocationDetails details,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Location location = directory.change(TenantScope.require(tenantId), locationId, details, IfMatch.version(ifMatch));
        return withETag(ResponseEntity.ok(), location);
    }

    /** Owners only: the location closes for good (its history stays). */
    @DeleteMapping("/{locationId}")
    ResponseEntity<Void> close(@PathVariable UUID tenantId, @PathVariable UUID locationId) {
        directory.close(TenantScope.require(tenantId), locationId);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<LocationResponse> withETag(ResponseEntity.BodyBuilder response, Location location) {
        return response.eTag("\"" + location.version() + "\"").body(LocationResponse.of(location));
    }
}
