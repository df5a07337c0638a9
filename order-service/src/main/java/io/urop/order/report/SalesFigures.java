package io.urop.order.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.urop.order.report.SalesReport.Day;
import io.urop.order.report.SalesReport.Hour;
import io.urop.order.report.SalesReport.PopularItem;
import io.urop.order.report.SalesReport.StationTimes;
import io.urop.order.report.SalesReport.Totals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sums behind a {@link SalesReport}, each one statement over a location's orders placed (or tickets bumped) in a
 * period, grouped by the database in the location's time zone. Each reads through {@code orders_location_placed}.
 */
@Repository
class SalesFigures {

    /** The orders a kitchen may make: neither waiting for payment nor ended before it. */
    private static final String COUNTED = "o.state not in ('PENDING_PAYMENT', 'CANCELLED', 'REJECTED')";
    private static final String PLACED_IN = "o.location_id = :location and o.placed_at >= :from and o.placed_at < :to";

    private final JdbcClient jdbc;

    SalesFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Totals totals(UUID location, Instant from, Instant to) {
        return jdbc.sql("select count(*), coalesce(sum(o.total), 0), coalesce(sum(o.refunded), 0) from orders o where "
                        + PLACED_IN + " and " + COUNTED)
                .params(period(location, from, to))
                .query((rs, row) -> Totals.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** The days that had orders, in the zone's calendar. */
    List<Day> days(UUID location, Instant from, Instant to, ZoneId zone) {
        return jdbc.sql("select (o.placed_at at time zone :zone)::date, count(*), sum(o.total) from orders o where "
                        + PLACED_IN + " and " + COUNTED + " group by 1 order by 1")
                .params(period(location, from, to)).param("zone", zone.getId())
                .query((rs, row) -> new Day(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** The hours of the day that had orders, in the zone's clock. */
    List<Hour> hours(UUID location, Instant from, Instant to, ZoneId zone) {
        return jdbc.sql("select extract(hour from o.placed_at at time zone :zone)::int, count(*), sum(o.total) "
                        + "from orders o where " + PLACED_IN + " and " + COUNTED + " group by 1 order by 1")
                .params(period(location, from, to)).param("zone", zone.getId())
                .query((rs, row) -> new Hour(rs.getInt(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** The dishes sold most, named as they were last ordered; voided lines do not count. */
    List<PopularItem> popularItems(UUID location, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        select l.item_id, (array_agg(l.name order by o.placed_at desc))[1], sum(l.quantity),
                               sum(l.total)
                        from order_lines l join orders o on o.id = l.order_id
                        where\s""" + PLACED_IN + " and " + COUNTED + """
                         and l.voided_at is null
                        group by l.item_id order by 3 desc, 4 desc, 2 limit :limit""")
                .params(period(location, from, to)).param("limit", limit)
                .query((rs, row) -> new PopularItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
                        rs.getLong(4)))
                .list();
    }

    /** Each station's median and 90th percentile from firing to bumping, over the tickets bumped in the period. */
    List<StationTimes> stationTimes(UUID location, Instant from, Instant to) {
        return jdbc.sql("""
                        select station, count(*),
                               percentile_cont(0.5) within group (order by extract(epoch from bumped_at - fired_at)),
                               percentile_cont(0.9) within group (order by extract(epoch from bumped_at - fired_at))
                        from kitchen_tickets
                        where location_id = :location and bumped_at >= :from and bumped_at < :to
                          and fired_at is not null
                        group by station order by station""")
                .params(period(location, from, to))
                .query((rs, row) -> new StationTimes(rs.getString(1), rs.getLong(2), Math.round(rs.getDouble(3)),
                        Math.round(rs.getDouble(4))))
                .list();
    }

    private static Map<String, Object> period(UUID location, Instant from, Instant to) {
        return Map.of("location", location, "from", Timestamp.from(from), "to", Timestamp.from(to));
    }
}
