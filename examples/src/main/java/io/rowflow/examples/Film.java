package io.rowflow.examples;

import io.rowflow.annotation.Column;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import java.util.List;

/** A film of an existing schema: an enum column of the database's own type and a text array. */
@Table(name = "film")
public record Film(
        @Id Long id,
        String title,
        @Column(type = "mpaa_rating") Rating rating,   // every bind of rating is cast: $3::mpaa_rating
        List<String> specialFeatures) {
}
