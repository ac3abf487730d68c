package io.rowflow.examples;

import io.rowflow.annotation.Column;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;

/**
 * An author: an immutable entity written as a record. Rowflow creates it through the canonical
 * constructor, and {@code insert} emits a new instance carrying the generated id.
 */
@Table(name = "demo_author")
public record Author(@Id @GeneratedValue Long id,
                     @Column(nullable = false, length = 100) String name,
                     Integer born) {

    /** A new author, not yet stored (no id). */
    public static Author named(String name, int born) {
        return new Author(null, name, born);
    }
}
