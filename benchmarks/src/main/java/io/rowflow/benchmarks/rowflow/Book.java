package io.rowflow.benchmarks.rowflow;

import io.rowflow.Ref;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.JoinColumn;
import io.rowflow.annotation.ManyToOne;
import io.rowflow.annotation.Table;

/** A book (W7's children, W8's rows). */
@Table(name = "bench_book")
public record Book(@Id Integer id, String title, int year, @ManyToOne @JoinColumn(name = "author_id") Ref<Author> author) {
}
