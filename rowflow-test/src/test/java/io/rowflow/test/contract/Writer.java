package io.rowflow.test.contract;

import io.rowflow.annotation.Column;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.OneToMany;
import io.rowflow.annotation.Table;
import java.util.List;

/** A writer with their books (one-to-many). */
@Table(name = "tt_writer")
public record Writer(@Id @GeneratedValue Long id, @Column(nullable = false) String name,
                     @OneToMany(mappedBy = "writer") List<Volume> books) {

    static Writer named(String name) {
        return new Writer(null, name, null);
    }
}
