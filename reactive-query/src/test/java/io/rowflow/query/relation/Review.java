package io.rowflow.query.relation;

import io.rowflow.Ref;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.ManyToOne;
import io.rowflow.annotation.Table;

/** A review of a book. */
@Table(name = "rel_review")
public record Review(@Id @GeneratedValue Long id, int stars, @ManyToOne Ref<Book> book) {
}
