package io.urop.order.idempotency;

import java.util.UUID;

import io.urop.order.OrderServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiredKeysPurgeTest extends OrderServiceTest {

    @Autowired
    ExpiredKeysPurge purge;

    @Test
    void keysPastTheirRetentionAreDeletedForEveryTenantAndFreshOnesStay() {
        UUID otherTenant = UUID.randomUUID();
        claim(tenant, "old", "25 hours");
        claim(otherTenant, "old", "3 days");
        claim(tenant, "fresh", "23 hours");

        purge.purge();

        assertThat(SUPERUSER.queryForList("select key from idempotency_keys where tenant_id in (?, ?)", String.class,
                tenant, otherTenant)).containsExactly("fresh");
    }

    private static void claim(UUID tenant, String key, String age) {
        SUPERUSER.update("""
                insert into idempotency_keys (tenant_id, caller, key, fingerprint, resource_id, created_at)
                values (?, 'guest', ?, 'f', ?, now() - ?::interval)""", tenant, key, UUID.randomUUID(), age);
    }
}
