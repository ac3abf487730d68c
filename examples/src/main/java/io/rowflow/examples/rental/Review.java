package io.rowflow.examples.rental;

import io.rowflow.Ref;
import io.rowflow.annotation.Column;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.JoinColumn;
import io.rowflow.annotation.ManyToOne;
import io.rowflow.annotation.Table;
import org.jspecify.annotations.Nullable;

/** A row of {@code performance_review}: a composite foreign key to one {@code film_actor} row. */
@Table(name = "performance_review")
public record Review(
        @Id @GeneratedValue @Column(name = "review_id") @Nullable Integer id,
        @ManyToOne @JoinColumn(name = "actor_id") @JoinColumn(name = "film_id") Ref<FilmActor> performance,
        int stars) {
}
