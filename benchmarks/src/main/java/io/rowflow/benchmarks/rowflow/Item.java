package io.rowflow.benchmarks.rowflow;

import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import org.jspecify.annotations.Nullable;

/** An inserted row with a generated id (W5). */
@Table(name = "bench_item")
public record Item(@Id @GeneratedValue @Nullable Long id, String name, int quantity, int score) {
}
