package io.rowflow.reliability;

import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;

/** A narrow row for the large streaming and batch tests. */
@Table(name = "large_numbered")
public record Numbered(@Id Long id, String label, int bucket) {
}
