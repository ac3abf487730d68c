package io.rowflow.reliability;

import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;

/** A row holding a large binary value and a large text. */
@Table(name = "large_blob")
public record Blob(@Id Long id, byte[] data, String text) {
}
