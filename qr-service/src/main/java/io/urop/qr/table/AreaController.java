package io.urop.qr.table;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.urop.security.CurrentUser;
import io.urop.web.Paged;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The areas of the tenant's locations (terrace, bar...). */
@RestController
@RequestMapping("/api/v1/areas")
class AreaController {

    private final TableSetup setup;

    AreaController(TableSetup setup) {
        this.setup = setup;
    }

    @PostMapping
    ResponseEntity<Area> create(@Valid @RequestBody TableRequests.NewArea request) {
        Area area = setup.createArea(CurrentUser.require(), request);
        return ResponseEntity.created(URI.create("/api/v1/areas/" + area.id())).body(area);
    }

    @GetMapping
    Paged<Area> list(@RequestParam UUID locationId, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Paged.DEFAULT_SIZE) @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return setup.areas(CurrentUser.require(), locationId, page, size);
    }

    @GetMapping("/{areaId}")
    Area get(@PathVariable UUID areaId) {
        return setup.area(CurrentUser.require(), areaId);
    }

    @PutMapping("/{areaId}")
    Area rename(@PathVariable UUID areaId, @Valid @RequestBody TableRequests.AreaDetails details) {
        return setup.renameArea(CurrentUser.require(), areaId, details.name());
    }

    /** Removes the area; its tables stay, in no area. */
    @DeleteMapping("/{areaId}")
    ResponseEntity<Void> delete(@PathVariable UUID areaId) {
        setup.deleteArea(CurrentUser.require(), areaId);
        return ResponseEntity.noContent().build();
    }
}
