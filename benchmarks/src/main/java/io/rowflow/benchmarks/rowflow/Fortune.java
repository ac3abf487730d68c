package io.rowflow.benchmarks.rowflow;

import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;

/** A fortune (W3). */
@Table(name = "bench_fortune")
public record Fortune(@Id Integer id, String message) {
}
