package io.rowflow.examples.web;

import io.rowflow.annotation.Column;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import java.math.BigDecimal;

/** An order placed by a customer; its lines refer to it. */
@Table(name = "shop_order")
public record ShopOrder(@Id @GeneratedValue Long id,
                        @Column(nullable = false, length = 100) String customer,
                        @Column(precision = 12, scale = 2) BigDecimal total) {
}
