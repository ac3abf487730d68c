package io.rowflow.benchmarks.rowflow;

import io.rowflow.annotation.Id;
import io.rowflow.annotation.OneToMany;
import io.rowflow.annotation.Table;
import java.util.List;

/** An author with its books (W7). */
@Table(name = "bench_author")
public record Author(@Id Integer id, String name, @OneToMany(mappedBy = "author") List<Book> books) {
}
