package io.urop.order.ordering;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One step of an order's history: from which state to which, who moved it, why, and when. */
@Embeddable
public class Transition {

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private OrderState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    private OrderState to;

    @Column(name = "by_subject")
    private String by;

    @Column(name = "by_role")
    private String byRole;

    private String reason;

    private Instant at;

    protected Transition() {
    }

    Transition(UUID tenantId, OrderState from, OrderState to, Actor actor, String reason, Instant at) {
        this.tenantId = tenantId;
        this.from = from;
        this.to = to;
        this.by = actor.subject();
        this.byRole = actor.role();
        this.reason = reason;
        this.at = at;
    }

    /** Null for the state the order entered when placed. */
    public OrderState from() {
        return from;
    }

    public OrderState to() {
        return to;
    }

    public Actor by() {
        return new Actor(by, byRole);
    }

    public String reason() {
        return reason;
    }

    public Instant at() {
        return at;
    }
}
