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

import org.springframework.data.domain.Persistable;

/**
 * A table session's bill as its diners pay it, each a share: what the tab owes ({@code owed}, order-service's word in
 * {@code tab.changed}), what shares paid in all ({@code paid}, which only grows) and how much of that the tab has
 * taken in already ({@code credited}), and what shares being paid hold back ({@code reserved}). A share is never more
 * than what is left; the bill is settled once its shares paid what is owed, and says so, with what they paid
 * ({@code payment.table-bill-settled}): order-service pays the tab's orders with it, and an order placed meanwhile
 * stays owed, its bill open again. Changed under its lock, so that guests paying at the same moment wait for each
 * other rather than overpay.
 */
@Entity
@Table(name = "table_bills")
public class TableBill implements Persistable<UUID> {

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

    private long credited;

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
     * The tab changed: what it owes now, and how much of what shares paid it has taken in. An older change that
     * arrives late changes nothing. Shares paid that the tab does not know of yet still count: the bill is settled if
     * they pay what is owed now.
     */
    public List<Object> tabChanged(TabChanged tab) {
        if (tab.changedAt().isBefore(tabChangedAt)) {
            return List.of();
        }
        tabChangedAt = tab.changedAt();
        follow(tab);
        return settleIfPaid(tab.changedAt());
    }

    private void follow(TabChanged tab) {
        credited = Math.max(credited, tab.billPaid());
        if (tab.state() == TabChanged.State.MERGED) {
            state = BillState.MERGED;
            owed = 0;
            return;
        }
        owed = Math.max(0, tab.balance());
        if (tab.state() == TabChanged.State.SETTLED) {
            state = BillState.SETTLED;
        }
        else if (owed > uncredited()) {
            state = BillState.OPEN;
            settledAt = null;
        }
    }

    /** What is left to pay: owed, less what shares paid that the tab does not know of yet and what shares hold. */
    public long remaining() {
        return Math.max(0, owed - uncredited() - reserved);
    }

    /** What shares paid that the tab has not taken in yet. */
    private long uncredited() {
        return Math.max(0, paid - credited);
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
        return settleIfPaid(at);
    }

    private List<Object> settleIfPaid(Instant at) {
        if (state != BillState.OPEN || owed == 0 || uncredited() < owed) {
            return List.of();
        }
        state = BillState.SETTLED;
        settledAt = at;
        return List.of(new TableBillSettled(tableSessionId, tenantId, locationId, paid, at));
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

    /** What shares paid of what is owed now: what they paid that the tab has not taken in yet. */
    public long paidTowardsOwed() {
        return uncredited();
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

    /** Spring Data's: not stored yet until it has a version, read without reflection on every save. */
    @Override
    public UUID getId() {
        return tableSessionId;
    }

    @Override
    public boolean isNew() {
        return version == null;
    }
}
