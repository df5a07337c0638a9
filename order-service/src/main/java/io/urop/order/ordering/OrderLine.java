package io.urop.order.ordering;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.urop.order.pricing.LineChoice;
import io.urop.order.pricing.LineChoicesColumn;
import io.urop.order.pricing.LineDraft;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One line of an order, priced when it was added and frozen so: the item's name, size, choices, allergens and station
 * as the menu had them then. A voided line stays on the order (and struck through on the kitchen's ticket) but is no
 * longer charged. {@code round} counts the sends to the kitchen: 0 for the lines the order was placed with, 1 for the
 * first add-on, and so on.
 */
@Entity
@Table(name = "order_lines")
public class OrderLine {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private int position;

    private int round;

    @Column(name = "item_id")
    private UUID itemId;

    @Column(name = "size_id")
    private UUID sizeId;

    private String name;

    @Column(name = "size_name")
    private String sizeName;

    private String station;

    @Column(name = "prep_minutes")
    private Integer prepMinutes;

    private int quantity;

    @Column(name = "unit_price")
    private long unitPrice;

    private long total;

    private long tax;

    @Convert(converter = LineChoicesColumn.class)
    @JdbcTypeCode(SqlTypes.JSON)
    private List<LineChoice> choices;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] allergens;

    private String note;

    private int course;

    @Column(name = "added_by")
    private String addedBy;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "voided_by")
    private String voidedBy;

    @Column(name = "void_reason")
    private String voidReason;

    protected OrderLine() {
    }

    OrderLine(UUID id, UUID tenantId, int position, int round, LineDraft draft, long tax, String addedBy) {
        this.id = id;
        this.tenantId = tenantId;
        this.position = position;
        this.round = round;
        this.itemId = draft.itemId();
        this.sizeId = draft.sizeId();
        this.name = draft.name();
        this.sizeName = draft.sizeName();
        this.station = draft.station();
        this.prepMinutes = draft.prepMinutes();
        this.quantity = draft.quantity();
        this.unitPrice = draft.unitPrice();
        this.total = draft.total();
        this.tax = tax;
        this.choices = draft.choices();
        this.allergens = draft.allergens().toArray(String[]::new);
        this.note = draft.note();
        this.course = draft.course();
        this.addedBy = addedBy;
    }

    void voidIt(Actor actor, String reason, Instant at) {
        this.voidedAt = at;
        this.voidedBy = actor.subject();
        this.voidReason = reason;
    }

    public boolean voided() {
        return voidedAt != null;
    }

    /** What this line adds to the bill: nothing once voided. */
    long charged() {
        return voided() ? 0 : total;
    }

    long chargedTax() {
        return voided() ? 0 : tax;
    }

    public UUID id() {
        return id;
    }

    public int position() {
        return position;
    }

    public int round() {
        return round;
    }

    public UUID itemId() {
        return itemId;
    }

    public UUID sizeId() {
        return sizeId;
    }

    public String name() {
        return name;
    }

    public String sizeName() {
        return sizeName;
    }

    public String station() {
        return station;
    }

    /** The stations whose tickets show this line: its own, then those making one of its options "also at" them. */
    public List<String> stations() {
        Set<String> stations = new LinkedHashSet<>();
        if (station != null) {
            stations.add(station);
        }
        addStationsOf(choices(), stations);
        return List.copyOf(stations);
    }

    private static void addStationsOf(List<LineChoice> choices, Set<String> stations) {
        for (LineChoice choice : choices) {
            if (choice.station() != null) {
                stations.add(choice.station());
            }
            addStationsOf(choice.choices(), stations);
        }
    }

    public Integer prepMinutes() {
        return prepMinutes;
    }

    public int quantity() {
        return quantity;
    }

    public long unitPrice() {
        return unitPrice;
    }

    public long total() {
        return total;
    }

    public long tax() {
        return tax;
    }

    public List<LineChoice> choices() {
        return choices;
    }

    public Set<String> allergens() {
        return Set.of(allergens);
    }

    public String note() {
        return note;
    }

    public int course() {
        return course;
    }

    public String addedBy() {
        return addedBy;
    }

    public Instant voidedAt() {
        return voidedAt;
    }

    public String voidedBy() {
        return voidedBy;
    }

    public String voidReason() {
        return voidReason;
    }
}
