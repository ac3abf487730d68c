package io.rowflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.Database;
import io.rowflow.examples.docs.ExistingSchemaSnippets;
import io.rowflow.examples.rental.Film;
import io.rowflow.examples.rental.FilmActor;
import io.rowflow.examples.rental.Rating;
import io.rowflow.examples.rental.Review;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** The samples of {@code docs/existing-schema.md}, on PostgreSQL over the guide's hand-written schema. */
class ExistingSchemaSnippetsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Database db;

    @BeforeEach
    void createSchema() {
        db = Database.create(TestDatabases.postgres(getClass()));
        Flux.just("DROP TABLE IF EXISTS performance_review, film_actor, film, actor, language CASCADE",
                        "DROP TYPE IF EXISTS mpaa_rating", "DROP DOMAIN IF EXISTS release_year",
                        "DROP SEQUENCE IF EXISTS actor_actor_id_seq")
                .concatWith(Flux.fromIterable(ExistingSchemaSnippets.SCHEMA))
                .concatMap(statement -> db.sql(statement).execute())
                .blockLast(TIMEOUT);
    }

    @Test
    void theMappingMatchesTheHandWrittenSchema() {
        ExistingSchemaSnippets.checkTheMapping(db).block(TIMEOUT);
    }

    @Test
    void aFilmIsCastReviewedAndReadBackWithItsLanguagesActorsAndReviews() {
        Film jaws = ExistingSchemaSnippets.insertAFilm(db).block(TIMEOUT);
        FilmActor brody = ExistingSchemaSnippets.castAnActor(db, jaws).block(TIMEOUT);
        Review review = ExistingSchemaSnippets.reviewAPerformance(db, brody).block(TIMEOUT);

        assertThat(jaws.lastUpdate()).as("read back after the insert").isNotNull();
        Film loaded = ExistingSchemaSnippets.teenFilmsWithLanguagesAndActors(db).blockFirst(TIMEOUT);
        assertThat(loaded.fulltext()).contains("'jaw'");
        assertThat(loaded.rating()).isEqualTo(Rating.PG_13);
        assertThat(loaded.language().get().name()).isEqualTo("English");
        assertThat(loaded.originalLanguage()).isNull();
        assertThat(loaded.actors()).extracting(actor -> actor.lastName()).containsExactly("Scheider");
        assertThat(ExistingSchemaSnippets.oneRole(db, brody.actorId(), jaws.id()).block(TIMEOUT).role())
                .isEqualTo("Chief Brody");
        assertThat(review.id()).isNotNull();
        List<Review> reviews = ExistingSchemaSnippets.reviewsWithTheirFilm(db).collectList().block(TIMEOUT);
        assertThat(reviews).singleElement()
                .satisfies(r -> assertThat(r.performance().get().film().get().title()).isEqualTo("Jaws"));
    }

    @Test
    void rolesArePagedByTheCompositeKey() {
        Film jaws = ExistingSchemaSnippets.insertAFilm(db).block(TIMEOUT);
        List<FilmActor> cast = Flux.range(0, 150)
                .concatMap(i -> ExistingSchemaSnippets.castAnActor(db, jaws))
                .collectList().block(TIMEOUT);

        List<FilmActor> page = ExistingSchemaSnippets.nextRoles(db, cast.get(24)).collectList().block(TIMEOUT);

        assertThat(page).hasSize(100).extracting(FilmActor::actorId)
                .containsExactlyElementsOf(cast.subList(25, 125).stream().map(FilmActor::actorId).toList());
    }
}
