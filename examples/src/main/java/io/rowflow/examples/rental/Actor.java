package io.rowflow.examples.rental;

import io.rowflow.annotation.Column;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import org.jspecify.annotations.Nullable;

/** A row of {@code actor}. */
@Table(name = "actor")
public record Actor(
        @Id @GeneratedValue @Column(name = "actor_id") @Nullable Integer id,   // DEFAULT nextval('actor_actor_id_seq')
        String firstName,
        String lastName) {
}
