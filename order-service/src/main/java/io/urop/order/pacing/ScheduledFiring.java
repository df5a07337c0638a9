package io.urop.order.pacing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.urop.tenancy.RecurringJob;
import io.urop.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the tickets of orders scheduled for a later slot to the kitchen once their slot starts: every
 * {@link PacingProperties#firingCheck()} it looks across tenants for the scheduled orders whose slot start has come
 * (a transaction bound to no tenant, which sees only those bookings), then fires each in a transaction of its own bound
 * to its tenant ({@link ScheduledSlotStarted}, on which the kitchen fires the held tickets). Instances may look at
 * once: an order is marked fired once, and only the instance that marked it fires its tickets.
 */
@Component
class ScheduledFiring extends RecurringJob {

    private static final Logger log = LoggerFactory.getLogger(ScheduledFiring.class);

    private static final int BATCH = 200;

    private final SlotLoads loads;
    private final ApplicationEventPublisher inProcess;
    private final TransactionTemplate transactions;
    private final PacingProperties properties;
    private final Clock clock;

    ScheduledFiring(SlotLoads loads, ApplicationEventPublisher inProcess, PlatformTransactionManager transactionManager,
            PacingProperties properties, Clock clock) {
        super("firing of scheduled orders", properties.firingCheck(), properties.firingCheck());
        this.loads = loads;
        this.inProcess = inProcess;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    /** One round: fires every scheduled order whose slot has started; how many it fired. */
    int fireDue() {
        Instant now = clock.instant();
        int fired = 0;
        List<SlotLoads.Due> due;
        do {
            // this thread is bound to no tenant: the transaction sees the due bookings of all, and nothing else
            due = transactions.execute(status -> loads.due(now, BATCH));
            int firedNow = 0;
            for (SlotLoads.Due order : due) {
                try {
                    firedNow += fire(order, now) ? 1 : 0;
                }
                catch (DataAccessException | TransactionException e) {
                    log.warn("Scheduled order {} could not be sent to the kitchen; retried in {}: {}", order.orderId(),
                            properties.firingCheck(), e.toString());
                }
                catch (RuntimeException e) {
                    // a defect about this one order: logged in full, and the others still fire
                    log.error("Scheduled order {} could not be sent to the kitchen; retried in {}", order.orderId(),
                            properties.firingCheck(), e);
                }
            }
            fired += firedNow;
            // a full batch none of which fired is retried next round, not at once
            if (firedNow == 0) {
                break;
            }
        }
        while (due.size() == BATCH);
        return fired;
    }

    private boolean fire(SlotLoads.Due order, Instant now) {
        return TenantContext.callAs(order.tenantId(), () -> transactions.execute(status -> {
            if (!loads.fired(order.orderId(), now)) {
                // fired meanwhile by another instance, or cancelled
                return false;
            }
            inProcess.publishEvent(new ScheduledSlotStarted(order.orderId(), order.tenantId(), order.slotStart()));
            return true;
        }));
    }

    @Override
    protected void runRound() {
        int fired = fireDue();
        if (fired > 0) {
            log.info("Sent {} scheduled orders to the kitchen as their slot started", fired);
        }
    }
}
