package io.rowflow.examples.web;

import io.rowflow.annotation.CascadeType;
import io.rowflow.annotation.Column;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.OneToMany;
import io.rowflow.annotation.Table;
import java.util.List;

/** An author of the bookstore, with the books they wrote (loaded on request, inserted with the author). */
@Table(name = "shop_author")
public record ShopAuthor(@Id @GeneratedValue Long id,
                         @Column(nullable = false, length = 100) String name,
                         Integer born,
                         @OneToMany(mappedBy = "author", cascade = CascadeType.INSERT) List<ShopBook> books) {
}
