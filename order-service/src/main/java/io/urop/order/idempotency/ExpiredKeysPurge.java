package io.urop.order.idempotency;

import java.time.Clock;

import io.urop.tenancy.RecurringJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes, across tenants, the Idempotency-Keys past their retention, every
 * {@link IdempotencyProperties#purgeInterval()}; instances agree through an advisory lock, so one purges at a time.
 */
@Component
@EnableConfigurationProperties(IdempotencyProperties.class)
class ExpiredKeysPurge extends RecurringJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiredKeysPurge.class);

    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;
    private final IdempotencyProperties properties;
    private final Clock clock;

    ExpiredKeysPurge(IdempotencyKeys keys, PlatformTransactionManager transactionManager,
            IdempotencyProperties properties, Clock clock) {
        super("purge of Idempotency-Keys", properties.purgeInterval(), properties.purgeInterval());
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    /** One round; 0 when another instance is purging right now. */
    int purge() {
        Integer deleted = transactions.execute(status ->
                keys.deleteClaimedBefore(clock.instant().minus(properties.retention())));
        return deleted == null ? 0 : deleted;
    }

    @Override
    protected void runRound() {
        int deleted = purge();
        if (deleted > 0) {
            log.info("Deleted {} Idempotency-Keys past their retention", deleted);
        }
    }
}
