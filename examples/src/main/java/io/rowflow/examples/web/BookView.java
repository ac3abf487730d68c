package io.rowflow.examples.web;

import java.math.BigDecimal;

/** A book as the API shows it. */
public record BookView(long id, String title, int year, BigDecimal price, int stock, Long authorId) {

    /** The view of a stored book. */
    public static BookView of(ShopBook book) {
        Object authorId = book.author() == null ? null : book.author().id();
        return new BookView(book.id(), book.title(), book.year(), book.price(), book.stock(),
                authorId == null ? null : ((Number) authorId).longValue());
    }
}
