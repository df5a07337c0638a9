package io.urop.order.tab;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One order on a tab and what it counts there, in minor units: {@code total} is what the order costs now (nothing
 * once cancelled or rejected), {@code paid} what of it is paid. An order paid as it was placed ({@code onTab} false)
 * is paid whatever it costs, so it is never owed; one on the tab is paid when the tab is settled.
 */
@Embeddable
public class TabOrder {

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "order_id")
    private UUID orderId;

    @Column(name = "placed_at")
    private Instant placedAt;

    @Column(name = "on_tab")
    private boolean onTab;

    private long total;

    private long paid;

    protected TabOrder() {
    }

    TabOrder(UUID tenantId, UUID orderId, Instant placedAt, boolean onTab, long total) {
        this.tenantId = tenantId;
        this.orderId = orderId;
        this.placedAt = placedAt;
        this.onTab = onTab;
        this.total = total;
        this.paid = onTab ? 0 : total;
    }

    /** @return whether what it counts changed */
    boolean costs(long newTotal) {
        if (newTotal == total) {
            return false;
        }
        total = newTotal;
        if (!onTab) {
            paid = newTotal;
        }
        return true;
    }

    /** @return whether anything of it was owed */
    boolean pay() {
        if (paid == total) {
            return false;
        }
        paid = total;
        return true;
    }

    public UUID orderId() {
        return orderId;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public boolean onTab() {
        return onTab;
    }

    public long total() {
        return total;
    }

    public long paid() {
        return paid;
    }
}
