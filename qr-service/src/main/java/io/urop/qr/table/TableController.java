package io.urop.qr.table;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.urop.security.CurrentUser;
import io.urop.web.Paged;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tables of the tenant's locations. */
@RestController
@RequestMapping("/api/v1/tables")
class TableController {

    private final TableSetup setup;

    TableController(TableSetup setup) {
        this.setup = setup;
    }

    @PostMapping
    ResponseEntity<DiningTable> create(@Valid @RequestBody TableRequests.NewTable request) {
        DiningTable table = setup.create(CurrentUser.require(), request);
        return ResponseEntity.created(URI.create("/api/v1/tables/" + table.id())).body(table);
    }

    /** A numbered run of tables at once ("Table {n}" from 1 to 40): all of them, or none if a name is taken. */
    @PostMapping("/bulk")
    ResponseEntity<List<DiningTable>> createBulk(@Valid @RequestBody TableRequests.Bulk request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(setup.createBulk(CurrentUser.require(), request));
    }

    @GetMapping
    Paged<DiningTable> list(@RequestParam UUID locationId, @RequestParam(required = false) UUID areaId,
            @RequestParam(required = false) Boolean active, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Paged.DEFAULT_SIZE) @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return setup.tables(CurrentUser.require(), locationId, areaId, active, page, size);
    }

    @GetMapping("/{tableId}")
    DiningTable get(@PathVariable UUID tableId) {
        return setup.table(CurrentUser.require(), tableId);
    }

    @PutMapping("/{tableId}")
    DiningTable update(@PathVariable UUID tableId, @Valid @RequestBody TableRequests.TableDetails details) {
        return setup.update(CurrentUser.require(), tableId, details);
    }

    /** Takes the table out of service: its codes are refused until it is activated again. */
    @PostMapping("/{tableId}/deactivation")
    DiningTable deactivate(@PathVariable UUID tableId) {
        return setup.setActive(CurrentUser.require(), tableId, false);
    }

    @PostMapping("/{tableId}/activation")
    DiningTable activate(@PathVariable UUID tableId) {
        return setup.setActive(CurrentUser.require(), tableId, true);
    }
}
