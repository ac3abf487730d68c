package io.rowflow.examples.keys;

import io.rowflow.Ref;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.JoinColumn;
import io.rowflow.annotation.ManyToOne;
import io.rowflow.annotation.Table;

/** A scene played by one actor in one film: a foreign key of two columns to the link row. */
@Table(name = "scene")
public record Scene(@Id Integer id, String title,
                    @ManyToOne @JoinColumn(name = "actor_id") @JoinColumn(name = "film_id") Ref<FilmActor> part) {
}
