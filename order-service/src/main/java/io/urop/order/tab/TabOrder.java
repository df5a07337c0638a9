package io.urop.order.tab;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.Persistable;

/**
 * One order on a tab and what it counts there, in minor units: {@code total} is what the order costs now (nothing
 * once cancelled or rejected), {@code paid} what of it is paid. An order paid as it was placed ({@code onTab} false)
 * is paid whatever it costs, so it is never owed; one on the tab is paid, in part or whole, as the table's bill is
 * settled. Part of its
 * {@link Tab}, which counts each change of it: it changes only through the tab, under the tab's lock.
 */
@Entity
@Table(name = "tab_orders")
public class TabOrder implements Persistable<UUID> {

    @Id
    @Column(name = "order_id")
    private UUID orderId;

    @Column(name = "tab_id")
    private UUID tabId;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "placed_at")
    private Instant placedAt;

    @Column(name = "on_tab")
    private boolean onTab;

    private long total;

    private long paid;

    @Version
    private Long version;

    protected TabOrder() {
    }

    TabOrder(Tab tab, UUID orderId, Instant placedAt, boolean onTab, long total) {
        this.tabId = tab.id();
        this.tenantId = tab.tenantId();
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

    /** Pays what is owed of it, up to {@code available}; @return what it took */
    long pay(long available) {
        long taken = Math.max(0, Math.min(available, total - paid));
        paid += taken;
        return taken;
    }

    void moveTo(Tab tab) {
        tabId = tab.id();
    }

    public UUID orderId() {
        return orderId;
    }

    UUID tabId() {
        return tabId;
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

    /** Spring Data's: not stored yet until it has a version, read without reflection on every save. */
    @Override
    public UUID getId() {
        return orderId;
    }

    @Override
    public boolean isNew() {
        return version == null;
    }
}
