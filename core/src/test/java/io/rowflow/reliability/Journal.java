package io.rowflow.reliability;

import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;

/** An append-only row written by the load test, to count and checksum what was written. */
@Table(name = "load_journal")
public record Journal(@Id @GeneratedValue Long id, int worker, long amount) {
}
