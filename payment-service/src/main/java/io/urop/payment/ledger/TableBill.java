package io.urop.payment.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.urop.events.order.TabChanged;
import io.urop.events.payment.TableBillSettled;
import io.urop.web.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A table session's bill as its diners pay it, each a share: what the tab owes ({@code owed}, order-service's word in
 * {@code tab.changed}), what shares paid, and what shares being paid hold back ({@code reserved}). A share is never
 * more than what is left; the bill is settled once, when its shares paid what is owed, and says so
 * ({@code payment.table-bill-settled}). Changed under its lock, so that guests paying at the same moment wait for
 * each other rather than overpay.
 */
@Entity
@Table(name = "table_bills")
public class TableBill {

    @Id
    @Column(name = "table_session_id")
    private UUID tableSessionId;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "location_id")
    private UUID locationId;

    private String currency;

    private long owed;

    private long paid;

    private long reserved;

    @Enumerated(EnumType.STRING)
    private BillState state;

    @Column(name = "tab_changed_at")
    private Instant tabChangedAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    @Version
    private Long version;

    protected TableBill() {
    }

    public static TableBill of(TabChanged tab) {
        TableBill bill = new TableBill();
        bill.tableSessionId = tab.tableSessionId();
        bill.tenantId = tab.tenantId();
        bill.locationId = tab.locationId();
        bill.currency = tab.currency();
        bill.state = BillState.OPEN;
        bill.tabChangedAt = tab.changedAt();
        bill.follow(tab);
        return bill;
    }

    /**
     * The tab changed: what it owes now. An older change that arrives late changes nothing. Once order-service has
     * settled the tab (the bill's own settlement, or nothing owed), what shares paid is in the tab's own {@code paid}:
     * the bill starts again from what the tab owes.
     */
    public void tabChanged(TabChanged tab) {
        if (tab.changedAt().isBefore(tabChangedAt)) {
            return;
        }
        tabChangedAt = tab.changedAt();
        follow(tab);
    }

    private void follow(TabChanged tab) {
        if (tab.state() == TabChanged.State.MERGED) {
            state = BillState.MERGED;
            owed = 0;
            return;
        }
        owed = Math.max(0, tab.balance());
        if (tab.state() == TabChanged.State.SETTLED) {
            paid = 0;
            state = BillState.SETTLED;
        }
        else if (owed > paid) {
            state = BillState.OPEN;
            settledAt = null;
        }
    }

    /** What is left to pay: owed, less what shares paid or hold back. */
    public long remaining() {
        return Math.max(0, owed - paid - reserved);
    }

    /**
     * A share of {@code parts} equal ones (rounded up, the last one what is left), or of {@code amount}, held back
     * until it is paid or runs out.
     *
     * @throws ConflictException 409 when nothing is left to pay, the bill is paid with another, or the share is more
     *                           than what is left
     */
    public long reserve(Long amount, Integer parts) {
        if (state == BillState.MERGED) {
            throw new ConflictException("This table's bill was merged into another table's: pay that one");
        }
        long left = remaining();
        if (left == 0) {
            throw new ConflictException("Nothing is left to pay on this table's bill");
        }
        long share = amount != null ? amount : Math.min(left, Math.floorDiv(owed + parts - 1, parts));
        if (share > left) {
            throw new ConflictException("A share of " + share + " is more than what is left to pay (" + left + ")");
        }
        reserved = Math.addExact(reserved, share);
        return share;
    }

    /** A share was paid: the bill is settled once its shares paid what is owed. */
    List<Object> sharePaid(long amount, Instant at) {
        reserved = Math.max(0, reserved - amount);
        paid = Math.addExact(paid, amount);
        if (state == BillState.OPEN && owed > 0 && paid >= owed) {
            state = BillState.SETTLED;
            settledAt = at;
            return List.of(new TableBillSettled(tableSessionId, tenantId, locationId, at));
        }
        return List.of();
    }

    /** A share ran out, or could not be opened: its amount may be paid again. */
    void shareReleased(long amount) {
        reserved = Math.max(0, reserved - amount);
    }

    public UUID tableSessionId() {
        return tableSessionId;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID locationId() {
        return locationId;
    }

    public String currency() {
        return currency;
    }

    public long owed() {
        return owed;
    }

    public long paid() {
        return paid;
    }

    public long reserved() {
        return reserved;
    }

    public BillState state() {
        return state;
    }

    public Instant settledAt() {
        return settledAt;
    }
}
