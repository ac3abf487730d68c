package io.rowflow.examples.web;

import java.math.BigDecimal;
import java.util.List;

/** A placed order, as the API shows it. */
public record OrderView(long id, String customer, BigDecimal total, List<Line> lines) {

    /** One line of the order, at the price paid. */
    public record Line(long bookId, int quantity, BigDecimal unitPrice) {
    }

    /** The view of a stored order and its lines. */
    static OrderView of(ShopOrder order, List<ShopOrderLine> lines) {
        return new OrderView(order.id(), order.customer(), order.total(), lines.stream()
                .map(line -> new Line(line.bookId(), line.quantity(), line.unitPrice())).toList());
    }
}
