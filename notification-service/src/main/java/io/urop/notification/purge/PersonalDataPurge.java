package io.urop.notification.purge;

import java.time.Duration;

import io.urop.tenancy.RecurringJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes, across tenants and every hour, the addresses, numbers and orders that messages no longer need: orders 30
 * days after they were placed and contacts 30 days after they were last given, the delivery log after 90 days, refused recipients after a year
 * (migration V3 says which rows; one instance at a time).
 */
@Component
class PersonalDataPurge extends RecurringJob {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataPurge.class);

    private final ExpiredData expired;
    private final TransactionTemplate transactions;

    PersonalDataPurge(ExpiredData expired, PlatformTransactionManager transactionManager) {
        super("purge of personal data", Duration.ofMinutes(1), Duration.ofHours(1));
        this.expired = expired;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** One round; 0 when another instance is purging right now. */
    int purge() {
        Integer deleted = transactions.execute(status -> expired.claim() ? expired.delete() : 0);
        return deleted == null ? 0 : deleted;
    }

    @Override
    protected void runRound() {
        int deleted = purge();
        if (deleted > 0) {
            log.info("Purged {} rows of personal data past their keeping", deleted);
        }
    }
}
