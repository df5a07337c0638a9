package io.urop.order.kitchen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

import io.urop.order.pricing.LineChoice;
import io.urop.order.pricing.LineChoicesColumn;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One thing a station makes: an order line, or a choice of a line made here for an item made at another station
 * ({@code alsoFor} names that item). Bumped on its own or with its ticket; a voided one stays, struck through.
 */
@Embeddable
public class TicketItem {

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "line_id")
    private UUID lineId;

    private String name;

    @Column(name = "size_name")
    private String sizeName;

    private int quantity;

    @Convert(converter = LineChoicesColumn.class)
    @JdbcTypeCode(SqlTypes.JSON)
    private List<LineChoice> choices;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] allergens;

    private String note;

    @Column(name = "also_for")
    private String alsoFor;

    @Column(name = "bumped_at")
    private Instant bumpedAt;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "void_reason")
    private String voidReason;

    protected TicketItem() {
    }

    TicketItem(UUID tenantId, UUID lineId, String name, String sizeName, int quantity, List<LineChoice> choices,
            Set<String> allergens, String note, String alsoFor) {
        this.tenantId = tenantId;
        this.lineId = lineId;
        this.name = name;
        this.sizeName = sizeName;
        this.quantity = quantity;
        this.choices = List.copyOf(choices);
        this.allergens = allergens.toArray(String[]::new);
        this.note = note;
        this.alsoFor = alsoFor;
    }

    void bump(Instant at) {
        if (bumpedAt == null) {
            bumpedAt = at;
        }
    }

    void unbump() {
        bumpedAt = null;
    }

    void voidIt(String reason, Instant at) {
        voidedAt = at;
        voidReason = reason;
    }

    /** Whether the station still has to make it. */
    boolean pending() {
        return bumpedAt == null && voidedAt == null;
    }

    /** Its choices as a cook reads them: "NO Onions", "2x Cheese", nested ones after their option. */
    public List<String> readableChoices() {
        return readable(choices);
    }

    public UUID lineId() {
        return lineId;
    }

    public String name() {
        return name;
    }

    public String sizeName() {
        return sizeName;
    }

    public int quantity() {
        return quantity;
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

    public String alsoFor() {
        return alsoFor;
    }

    public Instant bumpedAt() {
        return bumpedAt;
    }

    public boolean voided() {
        return voidedAt != null;
    }

    public String voidReason() {
        return voidReason;
    }

    private static List<String> readable(List<LineChoice> choices) {
        List<String> readable = new ArrayList<>();
        for (LineChoice choice : choices) {
            String prefix = choice.preModifier() != null ? choice.preModifier().name() + " "
                    : choice.quantity() > 1 ? choice.quantity() + "x " : "";
            readable.add(prefix + choice.name());
            readable(choice.choices()).forEach(nested -> readable.add("  " + nested));
        }
        return readable;
    }
}
