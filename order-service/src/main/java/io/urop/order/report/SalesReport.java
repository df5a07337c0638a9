package io.urop.order.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a location sold over whole days of its own time zone, and how fast its kitchen worked: the figures behind the
 * dashboard's charts. Amounts are in minor units of the location's currency; orders count once the kitchen may make
 * them (not while they wait for payment, nor once cancelled or rejected), with what was refunded of them apart.
 *
 * @param days      every day of the period, those without orders included
 * @param hours     the 24 hours of the day, over the whole period
 * @param items     the dishes sold most, by quantity, at most ten
 * @param stations  each station's time from firing a ticket to bumping it, for tickets bumped in the period
 */
public record SalesReport(UUID locationId, String currency, String timeZone, LocalDate from, LocalDate to,
        Totals totals, List<Day> days, List<Hour> hours, List<PopularItem> items, List<StationTimes> stations) {

    public record Totals(long orders, long sales, long refunded, long averageOrder) {

        static Totals of(long orders, long sales, long refunded) {
            return new Totals(orders, sales, refunded, orders == 0 ? 0 : Math.round((double) sales / orders));
        }
    }

    public record Day(LocalDate date, long orders, long sales) {
    }

    public record Hour(int hour, long orders, long sales) {
    }

    public record PopularItem(UUID itemId, String name, long quantity, long sales) {
    }

    public record StationTimes(String station, long tickets, long medianSeconds, long p90Seconds) {
    }
}
