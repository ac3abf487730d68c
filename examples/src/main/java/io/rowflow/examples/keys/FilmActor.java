package io.rowflow.examples.keys;

import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;

/** Which actor plays which role in which film: a link row keyed by both ids. */
@Table(name = "film_actor")
public record FilmActor(@Id int actorId, @Id int filmId, String role) {
}
