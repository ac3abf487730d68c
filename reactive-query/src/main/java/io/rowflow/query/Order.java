package io.rowflow.query;

import io.rowflow.sql.OrderItem;

/**
 * A sort key: {@code BOOK.year.desc().nullsLast()}.
 *
 * @since 0.1
 */
public final class Order {

    private final OrderItem item;

    Order(OrderItem item) {
        this.item = item;
    }

    /** The query-model sort key. */
    public OrderItem toOrderItem() {
        return item;
    }

    /** Nulls sort before values. */
    public Order nullsFirst() {
        return new Order(new OrderItem(item.expression(), item.descending(), OrderItem.Nulls.FIRST));
    }

    /** Nulls sort after values. */
    public Order nullsLast() {
        return new Order(new OrderItem(item.expression(), item.descending(), OrderItem.Nulls.LAST));
    }
}
