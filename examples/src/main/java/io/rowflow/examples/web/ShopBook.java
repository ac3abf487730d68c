package io.rowflow.examples.web;

import io.rowflow.Ref;
import io.rowflow.annotation.Column;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.JoinColumn;
import io.rowflow.annotation.ManyToOne;
import io.rowflow.annotation.Table;
import java.math.BigDecimal;

/** A book of the bookstore: its author, price and the copies in stock. */
@Table(name = "shop_book")
public record ShopBook(@Id @GeneratedValue Long id,
                       @Column(nullable = false, length = 200) String title,
                       int year,
                       @Column(precision = 10, scale = 2) BigDecimal price,
                       int stock,
                       @ManyToOne @JoinColumn(name = "author_id") Ref<ShopAuthor> author) {
}
