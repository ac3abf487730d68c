package io.rowflow.examples.relations;

import io.rowflow.annotation.CascadeType;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.OneToMany;
import io.rowflow.annotation.Table;
import java.util.List;

/** A writer and the novels they wrote: the parent side of a one-to-many, cascading. */
@Table(name = "lib_writer")
public record Writer(@Id @GeneratedValue Long id,
                     String name,
                     @OneToMany(mappedBy = "writer", cascade = CascadeType.ALL) List<Novel> novels) {
}
