package io.rowflow.examples.keys;

import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;

/** A language films are in. */
@Table(name = "language")
public record Language(@Id Integer id, String name) {
}
