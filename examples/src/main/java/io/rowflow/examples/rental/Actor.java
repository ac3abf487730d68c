package io.rowflow.examples.rental;

import io.rowflow.annotation.Column;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.GenerationType;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import org.jspecify.annotations.Nullable;

/** A row of {@code actor}. */
@Table(name = "actor")
public record Actor(
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, sequence = "actor_actor_id_seq")
        @Column(name = "actor_id") @Nullable Integer id,                 // keys taken in blocks by insertAll
        String firstName,
        String lastName) {
}
