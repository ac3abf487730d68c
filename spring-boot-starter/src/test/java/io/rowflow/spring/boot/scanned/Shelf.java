package io.rowflow.spring.boot.scanned;

import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;

/** An entity found by scanning the application's package at start-up. */
@Table(name = "shelf")
public record Shelf(@Id Long id, String label) {
}
