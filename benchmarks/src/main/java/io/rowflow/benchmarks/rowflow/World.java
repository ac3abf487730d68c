package io.rowflow.benchmarks.rowflow;

import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;

/** A row of the 10,000-row world table (W1, W2, W4). */
@Table(name = "bench_world")
public record World(@Id Integer id, int randomNumber) {
}
