package io.urop.payment.bill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.urop.client.CallRejected;
import io.urop.client.ServiceClient;
import io.urop.client.ServiceClients;
import io.urop.payment.ledger.ShareItem;
import io.urop.web.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The lines of a table's tab that its diners may pay by items, as order-service shows the tab now. Each line costs its
 * part of its order's total, tax and service charge included: the total is shared over the order's lines by their
 * price, the cents left over going to the lines with the largest remainders, so that an order's lines always add up
 * to exactly what the order owes. Lines of orders paid as they were placed, cancelled or rejected, or already paid in
 * part, and voided lines, are not offered.
 */
@Component
class TabItems {

    static final String TAB_PATH = "/internal/v1/tenants/{tenantId}/tabs/{tableSessionId}";

    private final ServiceClient orders;

    TabItems(ServiceClients clients) {
        this.orders = clients.client("order-service");
    }

    /**
     * @throws NotFoundException          404 when the session has no tab
     * @throws io.urop.client.CallFailed 503 or 504 when order-service cannot answer now
     */
    List<ShareItem> of(UUID tenantId, UUID tableSessionId) {
        OrderedTab tab;
        try {
            tab = orders.get(TAB_PATH, tenantId, tableSessionId).fetch(OrderedTab.class);
        }
        catch (CallRejected e) {
            if (e.is(HttpStatus.NOT_FOUND)) {
                throw new NotFoundException("Nothing is owed at this table yet");
            }
            throw e;
        }
        List<ShareItem> items = new ArrayList<>();
        for (OrderedTab.Order order : tab.orders()) {
            if (order.onTab() && order.total() > 0 && order.paid() == 0) {
                items.addAll(priced(order));
            }
        }
        return items;
    }

    private static List<ShareItem> priced(OrderedTab.Order order) {
        List<OrderedTab.Line> lines = order.lines().stream().filter(line -> !line.voided()).toList();
        long base = lines.stream().mapToLong(OrderedTab.Line::total).sum();
        if (base <= 0) {
            return List.of();
        }
        long[] amounts = new long[lines.size()];
        long[] remainders = new long[lines.size()];
        long shared = 0;
        for (int i = 0; i < lines.size(); i++) {
            long share = Math.multiplyExact(order.total(), lines.get(i).total());
            amounts[i] = share / base;
            remainders[i] = share % base;
            shared += amounts[i];
        }
        IntStream.range(0, lines.size()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> remainders[i]).reversed())
                .limit(order.total() - shared)
                .forEach(i -> amounts[i]++);
        List<ShareItem> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            items.add(new ShareItem(lines.get(i).id(), order.id(), lines.get(i).label(), amounts[i]));
        }
        return items;
    }

    /** The parts of order-service's tab read here. */
    record OrderedTab(List<Order> orders) {

        OrderedTab {
            orders = orders == null ? List.of() : orders;
        }

        record Order(UUID id, boolean onTab, long total, long paid, List<Line> lines) {

            Order {
                lines = lines == null ? List.of() : lines;
            }
        }

        record Line(UUID id, String name, String sizeName, int quantity, long total, boolean voided) {

            String label() {
                String sized = sizeName == null || sizeName.isBlank() ? name : name + " (" + sizeName + ")";
                return quantity > 1 ? quantity + " × " + sized : sized;
            }
        }
    }
}
