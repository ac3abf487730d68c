package io.rowflow.examples.web;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /authors}: an author with the books to store with them.
 *
 * @param name the author's name, required
 * @param born the year of birth, optional
 * @param books the books, each with a title, a year, a price of at least zero and a stock of at least zero
 */
public record NewAuthor(String name, Integer born, List<NewBook> books) {

    /** A book of a new author. */
    public record NewBook(String title, Integer year, BigDecimal price, Integer stock) {
    }

    /** Throws a 400 Bad Request problem naming every invalid field. */
    void validate() {
        Validation validation = new Validation()
                .require(Validation.hasText(name), "name", "must not be blank")
                .require(name == null || name.length() <= 100, "name", "must have at most 100 characters");
        List<NewBook> list = books == null ? List.of() : books;
        for (int i = 0; i < list.size(); i++) {
            NewBook book = list.get(i);
            String at = "books[" + i + "].";
            validation.require(book != null && Validation.hasText(book.title()), at + "title", "must not be blank")
                    .require(book != null && book.year() != null, at + "year", "is required")
                    .require(book != null && book.price() != null && book.price().signum() >= 0, at + "price",
                            "must be zero or more")
                    .require(book != null && (book.stock() == null || book.stock() >= 0), at + "stock", "must be zero or more");
        }
        validation.check();
    }

    /** The author and their books as new entities, to insert in one go. */
    ShopAuthor toEntity() {
        List<ShopBook> newBooks = books == null ? List.of() : books.stream()
                .map(book -> new ShopBook(null, book.title(), book.year(), book.price(),
                        book.stock() == null ? 0 : book.stock(), null))
                .toList();
        return new ShopAuthor(null, name, born, newBooks);
    }
}
