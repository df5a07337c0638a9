package io.urop.payment.webhook;

import java.sql.Timestamp;
import java.time.Instant;

import com.stripe.model.Event;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Stripe events already handled: their ids only, no tenant's data. */
@Repository
class HandledEvents {

    private final JdbcClient jdbc;

    HandledEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean contains(String eventId) {
        return jdbc.sql("select exists (select 1 from stripe_events where event_id = ?)").param(eventId)
                .query(Boolean.class).single();
    }

    void add(Event event, Instant at) {
        jdbc.sql("""
                insert into stripe_events (event_id, type, account, received_at) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(event.getId(), event.getType(), event.getAccount(), Timestamp.from(at))
                .update();
    }
}
