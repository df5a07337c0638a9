package io.urop.payment.ledger;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of what a payment pays for, as the diner sees it on Stripe's page; amounts in minor units. */
@Embeddable
public class PaymentLine {

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String name;

    private int quantity;

    @Column(name = "unit_amount")
    private long unitAmount;

    protected PaymentLine() {
    }

    PaymentLine(UUID tenantId, String name, int quantity, long unitAmount) {
        this.tenantId = tenantId;
        this.name = name;
        this.quantity = quantity;
        this.unitAmount = unitAmount;
    }

    public String name() {
        return name;
    }

    public int quantity() {
        return quantity;
    }

    public long unitAmount() {
        return unitAmount;
    }

    long total() {
        return Math.multiplyExact(unitAmount, quantity);
    }
}
