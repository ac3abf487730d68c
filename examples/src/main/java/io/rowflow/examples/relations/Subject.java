package io.rowflow.examples.relations;

import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.ManyToMany;
import io.rowflow.annotation.Table;
import java.util.List;

/** A subject, the inverse side of the novels' subjects. */
@Table(name = "lib_subject")
public record Subject(@Id @GeneratedValue Long id, String name, @ManyToMany(mappedBy = "subjects") List<Novel> novels) {

    /** A new subject. */
    public static Subject named(String name) {
        return new Subject(null, name, null);
    }
}
