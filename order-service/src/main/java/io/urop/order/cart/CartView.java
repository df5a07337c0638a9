package io.urop.order.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.urop.menu.model.SelectionProblem;
import io.urop.order.pricing.LineChoice;
import io.urop.order.pricing.LinePreview;

/**
 * The table's shared cart as each phone sees it: every guest's lines, priced as the menu prices them now, whose they
 * are ({@code mine}: the caller's own, the only ones it may change), and what sending would send.
 *
 * @param total      what the orderable lines come to, in minor units of the menu's currency, before tax and service
 * @param submission whether sending sends the whole table's cart or each guest's own lines
 */
public record CartView(List<Line> lines, long total, CartSubmission submission) {

    static CartView of(String guest, List<CartLine> cart, List<LinePreview> previews, CartSubmission submission) {
        List<Line> lines = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < cart.size(); i++) {
            CartLine line = cart.get(i);
            LinePreview preview = previews.get(i);
            lines.add(Line.of(line, line.guestId().equals(guest), preview));
            total += preview.orderable() ? preview.draft().total() : 0;
        }
        return new CartView(lines, total, submission);
    }

    /**
     * @param orderable false when the line cannot be ordered now (sold out since, not served at this hour):
     *                  {@code problems} say why, and sending refuses it until it is changed or removed
     */
    public record Line(UUID id, String guestId, String guestName, boolean mine, UUID itemId, String name, UUID sizeId,
            String sizeName, int quantity, List<LineChoice> choices, String note, int course, long unitPrice,
            long total, boolean orderable, List<SelectionProblem> problems) {

        static Line of(CartLine line, boolean mine, LinePreview preview) {
            var requested = line.line();
            var draft = preview.draft();
            return new Line(line.id(), line.guestId(), line.guestName(), mine, requested.itemId(),
                    draft == null ? null : draft.name(), requested.sizeId(), draft == null ? null : draft.sizeName(),
                    requested.quantity(), draft == null ? List.of() : draft.choices(), requested.note(),
                    requested.course(), draft == null ? 0 : draft.unitPrice(), draft == null ? 0 : draft.total(),
                    preview.orderable(), preview.problems());
        }
    }
}
