package io.rowflow.query.relation;

import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.ManyToMany;
import io.rowflow.annotation.Table;
import java.util.List;

/** A tag, the inverse side of the books' tags. */
@Table(name = "rel_tag")
public record Tag(@Id @GeneratedValue Long id, String label, @ManyToMany(mappedBy = "tags") List<Book> books) {

    public static Tag labelled(String label) {
        return new Tag(null, label, null);
    }
}
