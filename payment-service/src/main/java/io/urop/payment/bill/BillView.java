package io.urop.payment.bill;

import java.util.UUID;

import io.urop.payment.ledger.BillState;
import io.urop.payment.ledger.TableBill;

/**
 * A table's bill as its diners see it, in minor units of {@code currency}: what is owed, what shares paid, what
 * shares being paid hold back, and what is left for the others to pay.
 */
public record BillView(UUID tableSessionId, String currency, long owed, long paid, long beingPaid, long remaining,
        BillState state) {

    static BillView of(TableBill bill) {
        return new BillView(bill.tableSessionId(), bill.currency(), bill.owed(), bill.paidTowardsOwed(),
                bill.reserved(), bill.remaining(), bill.state());
    }
}
