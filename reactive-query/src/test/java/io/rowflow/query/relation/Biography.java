package io.rowflow.query.relation;

import io.rowflow.Ref;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.JoinColumn;
import io.rowflow.annotation.OneToOne;
import io.rowflow.annotation.Table;

/** The owning side of a one-to-one with an author. */
@Table(name = "rel_biography")
public record Biography(@Id @GeneratedValue Long id, String text, @OneToOne @JoinColumn(name = "author_id") Ref<Author> author) {
}
