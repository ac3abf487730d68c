package io.rowflow.examples.rental;

import io.rowflow.Ref;
import io.rowflow.annotation.Column;
import io.rowflow.annotation.DatabaseGenerated;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.JoinColumn;
import io.rowflow.annotation.JoinTable;
import io.rowflow.annotation.ManyToMany;
import io.rowflow.annotation.ManyToOne;
import io.rowflow.annotation.ReadOnly;
import io.rowflow.annotation.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A row of {@code film}, with its languages and its actors. */
@Table(name = "film")
public record Film(
        @Id @GeneratedValue @Column(name = "film_id") @Nullable Integer id,
        String title,
        @Nullable String description,
        @Column(type = "release_year") @Nullable Integer releaseYear,        // a domain over integer
        @ManyToOne @JoinColumn(name = "language_id", nullable = false) Ref<Language> language,
        @ManyToOne @JoinColumn(name = "original_language_id") @Nullable Ref<Language> originalLanguage,
        BigDecimal rentalRate,
        @Column(type = "mpaa_rating") Rating rating,                          // a PostgreSQL enum type
        @Nullable List<String> specialFeatures,                               // text[], NULL elements allowed
        @DatabaseGenerated @Nullable OffsetDateTime lastUpdate,               // DEFAULT now(), read back
        @ReadOnly @Column(type = "tsvector") @Nullable String fulltext,       // GENERATED ALWAYS AS (...), never written
        @ManyToMany @JoinTable(name = "film_actor",
                joinColumn = @JoinColumn(name = "film_id"),
                inverseJoinColumn = @JoinColumn(name = "actor_id")) @Nullable List<Actor> actors) {

    /** A new film in a language, not yet stored. */
    public static Film of(String title, int releaseYear, Language language, Rating rating) {
        return new Film(null, title, null, releaseYear, Ref.to(language.id()), null, new BigDecimal("4.99"),
                rating, null, null, null, null);
    }
}
