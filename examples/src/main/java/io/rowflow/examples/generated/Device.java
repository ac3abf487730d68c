package io.rowflow.examples.generated;

import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.GenerationType;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import java.util.UUID;

/** A device keyed by a time-ordered UUID that Rowflow makes before the insert. */
@Table(name = "device")
public record Device(@Id @GeneratedValue(strategy = GenerationType.UUID_V7) UUID id, String name) {
}
