package io.rowflow.query.relation;

import io.rowflow.Ref;
import io.rowflow.annotation.CascadeType;
import io.rowflow.annotation.Column;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.OneToMany;
import io.rowflow.annotation.OneToOne;
import io.rowflow.annotation.Table;
import java.util.List;

/** An author (record) with books (one-to-many, cascading) and a biography (inverse one-to-one). */
@Table(name = "rel_author")
public record Author(@Id @GeneratedValue Long id,
                     @Column(nullable = false) String name,
                     @OneToMany(mappedBy = "author", cascade = CascadeType.ALL) List<Book> books,
                     @OneToOne(mappedBy = "author") Ref<Biography> biography) {

    public static Author named(String name) {
        return new Author(null, name, null, null);
    }

    public Author withBooks(List<Book> newBooks) {
        return new Author(id, name, newBooks, biography);
    }
}
