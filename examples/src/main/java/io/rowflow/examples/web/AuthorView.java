package io.rowflow.examples.web;

import java.util.List;

/** An author with their books, as the API shows it. */
public record AuthorView(long id, String name, Integer born, List<BookView> books) {

    /** The view of a stored author whose books were loaded. */
    public static AuthorView of(ShopAuthor author) {
        return new AuthorView(author.id(), author.name(), author.born(), author.books().stream().map(BookView::of).toList());
    }
}
