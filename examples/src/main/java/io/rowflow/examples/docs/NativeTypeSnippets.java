package io.rowflow.examples.docs;

import static io.rowflow.examples.Film_.FILM;
import static io.rowflow.query.Queries.select;
import static io.rowflow.query.Queries.update;

import io.rowflow.Database;
import io.rowflow.examples.Film;
import io.rowflow.examples.Rating;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The code samples of {@code docs/native-types.md}, run on PostgreSQL by {@code NativeTypeSnippetsTest}.
 */
public final class NativeTypeSnippets {

    private NativeTypeSnippets() {
    }

    /** The hand-written schema the samples map. */
    public static final List<String> FILM_SCHEMA = List.of(
            "create type mpaa_rating as enum ('G', 'PG', 'PG-13', 'R', 'NC-17')",
            "create table film (id bigint primary key, title text not null, rating mpaa_rating, "
                    + "special_features text[])");

    public static Flux<Film> insertFilms(Database db) {
        return db.insertAll(List.of(
                new Film(1L, "Jaws", Rating.PG_13, List.of("Trailers")),
                new Film(2L, "Crash", Rating.NC_17, java.util.Arrays.asList("Commentary", null))));
    }

    public static Flux<Film> filmsForTeenagers(Database db) {
        return db.fetch(select(FILM)
                .where(FILM.rating.in(Rating.G, Rating.PG, Rating.PG_13))    // rating = ANY($1::mpaa_rating[])
                .orderBy(FILM.id.asc()));
    }

    public static Mono<Long> rerate(Database db) {
        return db.execute(update(FILM)
                .set(FILM.rating, Rating.R)                     // rating = $1::mpaa_rating
                .where(FILM.rating.eq(Rating.NC_17)));          // rating = $2::mpaa_rating
    }

    public static Mono<String> titleRatedByRawSql(Database db) {
        return db.sql("select title from film where rating = cast(:rating as mpaa_rating)")
                .bind("rating", Rating.NC_17)      // bound as its label, 'NC-17'
                .mapTo(String.class)
                .fetchOne();
    }
}
