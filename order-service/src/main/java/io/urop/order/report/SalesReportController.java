package io.urop.order.report;

import java.time.LocalDate;
import java.util.UUID;

import io.urop.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A location's sales report, for the dashboard's charts. */
@RestController
class SalesReportController {

    private final SalesReports reports;

    SalesReportController(SalesReports reports) {
        this.reports = reports;
    }

    /** The location's sales from one day to another, both included, in its own time zone (ISO dates). */
    @GetMapping("/api/v1/orders/report")
    SalesReport report(@RequestParam UUID locationId, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return reports.report(CurrentUser.require(), locationId, from, to);
    }
}
