package io.rowflow.benchmarks.rowflow;

import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;

/** A row of the streamed table (W6). */
@Table(name = "bench_event")
public record Event(@Id Long id, String name, int amount) {
}
