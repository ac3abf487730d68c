package io.rowflow.examples.web;

import io.rowflow.annotation.Column;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.References;
import io.rowflow.annotation.Table;
import java.math.BigDecimal;

/** One line of an order: copies of one book at the price paid. */
@Table(name = "shop_order_line")
public record ShopOrderLine(@Id @GeneratedValue Long id,
                            @References(ShopOrder.class) Long orderId,
                            @References(ShopBook.class) Long bookId,
                            int quantity,
                            @Column(precision = 10, scale = 2) BigDecimal unitPrice) {
}
