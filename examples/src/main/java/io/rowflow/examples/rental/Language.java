package io.rowflow.examples.rental;

import io.rowflow.annotation.Column;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import org.jspecify.annotations.Nullable;

/** A row of {@code language}. */
@Table(name = "language")
public record Language(
        @Id @GeneratedValue @Column(name = "language_id") @Nullable Integer id,   // identity, always generated
        String name) {
}
