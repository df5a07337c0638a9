package io.urop.order.tab;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.urop.security.CurrentUser;
import io.urop.web.InvalidFieldException;
import io.urop.web.Paged;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Table sessions' tabs: a diner's own, and a location's for staff. Read only: tabs change with their orders. */
@RestController
@RequestMapping("/api/v1/orders")
class TabController {

    private final TabKeeping keeping;

    TabController(TabKeeping keeping) {
        this.keeping = keeping;
    }

    /** A diner's view: its table session's tab, every order on it with who placed it, and what is still owed. */
    @GetMapping("/table-session/tab")
    TabView dinersTab() {
        return keeping.dinersTab(CurrentUser.require());
    }

    /** The location's open tabs, oldest first (sessions over but still owing included), or its settled ones. */
    @GetMapping("/tabs")
    Paged<TabView.Summary> tabs(@RequestParam(required = false) UUID locationId,
            @RequestParam(defaultValue = "true") boolean open,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Paged.DEFAULT_SIZE) @Min(1) @Max(Paged.MAX_SIZE) int size) {
        if (locationId == null) {
            throw new InvalidFieldException("locationId", "is required: the location whose tabs to list");
        }
        return keeping.tabs(CurrentUser.require(), locationId, open, page, size);
    }

    @GetMapping("/tabs/{tableSessionId}")
    TabView tab(@PathVariable UUID tableSessionId) {
        return keeping.tab(CurrentUser.require(), tableSessionId);
    }
}
