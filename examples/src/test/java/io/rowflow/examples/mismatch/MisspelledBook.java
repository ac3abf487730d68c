package io.rowflow.examples.mismatch;

import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;

/**
 * The bookstore's books table as a wrong mapping describes it, with a column no migration created;
 * outside the service's package, so only a test that lists it validates it.
 */
@Table(name = "shop_book")
public record MisspelledBook(@Id Long id, String title, String isbn) {
}
