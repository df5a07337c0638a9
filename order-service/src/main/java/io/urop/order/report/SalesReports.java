package io.urop.order.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.urop.order.Team;
import io.urop.order.location.Location;
import io.urop.order.location.LocationAccess;
import io.urop.order.report.SalesReport.Day;
import io.urop.order.report.SalesReport.Hour;
import io.urop.security.CurrentUser;
import io.urop.web.InvalidFieldException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A location's sales and kitchen times over whole days, for its owners and managers. The period is read in the
 * location's own time zone (a day is its midnight to midnight); the last seven days, today included, unless asked
 * otherwise; at most {@value #MAX_DAYS} days.
 */
@Service
public class SalesReports {

    static final int MAX_DAYS = 366;
    static final int POPULAR_ITEMS = 10;

    private final SalesFigures figures;
    private final LocationAccess access;
    private final Clock clock;

    SalesReports(SalesFigures figures, LocationAccess access, Clock clock) {
        this.figures = figures;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SalesReport report(CurrentUser user, UUID locationId, LocalDate from, LocalDate to) {
        Location location = access.require(user, locationId, Team.MANAGERS);
        ZoneId zone = location.timeZone();
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(zone));
        LocalDate first = from != null ? from : last.minusDays(6);
        if (first.isAfter(last)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidFieldException("from", "a report covers " + MAX_DAYS + " days at most");
        }
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        return new SalesReport(locationId, location.currency(), zone.getId(), first, last,
                figures.totals(locationId, start, end),
                everyDay(first, last, figures.days(locationId, start, end, zone)),
                everyHour(figures.hours(locationId, start, end, zone)),
                figures.popularItems(locationId, start, end, POPULAR_ITEMS),
                figures.stationTimes(locationId, start, end));
    }

    private static List<Day> everyDay(LocalDate first, LocalDate last, List<Day> sold) {
        Map<LocalDate, Day> byDate = sold.stream().collect(Collectors.toMap(Day::date, Function.identity()));
        List<Day> days = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            days.add(byDate.getOrDefault(date, new Day(date, 0, 0)));
        }
        return days;
    }

    private static List<Hour> everyHour(List<Hour> sold) {
        Map<Integer, Hour> byHour = sold.stream().collect(Collectors.toMap(Hour::hour, Function.identity()));
        return IntStream.range(0, 24).mapToObj(hour -> byHour.getOrDefault(hour, new Hour(hour, 0, 0))).toList();
    }
}
