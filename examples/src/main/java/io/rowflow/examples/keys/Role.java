package io.rowflow.examples.keys;

import io.rowflow.Ref;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.JoinColumn;
import io.rowflow.annotation.ManyToOne;
import io.rowflow.annotation.Table;

/** The film_actor link row again, with its film_id key column also the foreign key of the film. */
@Table(name = "film_actor")
public record Role(@Id int actorId, @Id int filmId, String role,
                  @ManyToOne @JoinColumn(name = "film_id") Ref<Film> film) {
}
