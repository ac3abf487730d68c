package io.rowflow.examples.rental;

import io.rowflow.Ref;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.JoinColumn;
import io.rowflow.annotation.ManyToOne;
import io.rowflow.annotation.Table;
import org.jspecify.annotations.Nullable;

/** A row of the {@code film_actor} link table, which has a column of its own. */
@Table(name = "film_actor")
public record FilmActor(
        @Id int actorId,                                   // the key is (actor_id, film_id) ...
        @Id int filmId,
        String role,
        @ManyToOne @JoinColumn(name = "actor_id") @Nullable Ref<Actor> actor,   // ... and both are foreign keys
        @ManyToOne @JoinColumn(name = "film_id") @Nullable Ref<Film> film) {

    /** A link row of an actor, a film and a role. */
    public static FilmActor of(Actor actor, Film film, String role) {
        return new FilmActor(actor.id(), film.id(), role, Ref.to(actor.id()), Ref.to(film.id()));
    }
}
