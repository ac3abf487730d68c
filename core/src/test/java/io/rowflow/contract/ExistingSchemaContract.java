package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.CoalescingStatistics;
import io.rowflow.Database;
import io.rowflow.IntegrityViolationException;
import io.rowflow.Key;
import io.rowflow.MappingException;
import io.rowflow.Ref;
import io.rowflow.fixtures.Rating;
import io.rowflow.fixtures.existing.Actor;
import io.rowflow.fixtures.existing.Film;
import io.rowflow.fixtures.existing.FilmActor;
import io.rowflow.fixtures.existing.FilmFeatures;
import io.rowflow.fixtures.existing.Language;
import io.rowflow.fixtures.existing.Review;
import io.rowflow.sql.Expression;
import io.rowflow.sql.FetchPlan;
import io.rowflow.sql.OrderItem;
import io.rowflow.sql.SelectStatement;
import io.rowflow.sql.TableRef;
import io.rowflow.test.CountingConnectionFactory;
import io.rowflow.test.TestDatabases;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A schema nobody here designed, written by hand as a DBA would (a DVD-rental catalogue), mapped
 * as it is: identity keys (always and by default), a key drawn from a sequence by a column default,
 * a database enum whose labels are not Java identifiers, a domain, text and integer arrays with
 * {@code NULL} elements, a {@code tsvector} and a generated column, {@code DEFAULT now()} columns,
 * two foreign keys to one table, a link table with a composite key and a column of its own that is
 * also a many-to-many link, and a composite foreign key to it. 1,000 films, 200 actors and 12,000
 * link rows: CRUD, batched relationship loading with counted statements, keyset paging and
 * coalesced lookups over the composite key. Each database runs it on its nearest native forms and
 * shows a clear error where it has no such form.
 */
public abstract class ExistingSchemaContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int BATCH = io.rowflow.sql.QueryOptions.DEFAULT_BATCH_SIZE;
    private static final int LANGUAGES = 3;
    private static final int ACTORS = 200;
    private static final int FILMS = 1_000;
    private static final int ACTORS_PER_FILM = 12;
    private static final int LINKS = FILMS * ACTORS_PER_FILM;
    private static final int REVIEWED_FILMS = 500;

    private CountingConnectionFactory counting;
    private ConnectionPool pool;
    /** The database under test. */
    protected Database db;

    /** The real database under test, unpooled. */
    protected abstract ConnectionFactory connectionFactory();

    /** The hand-written schema, dropping what a previous run left first. */
    protected abstract List<String> schema();

    /** Whether the database has array columns ({@link FilmFeatures}). */
    protected abstract boolean hasArrayColumns();

    /** Whether concurrent lookups reliably overlap on this driver (not on synchronous H2). */
    protected boolean lookupsOverlap() {
        return true;
    }

    @BeforeEach
    void createSchema() {
        counting = new CountingConnectionFactory(connectionFactory());
        pool = TestDatabases.pooled(counting, 8);
        db = Database.create(pool);
        Flux.fromIterable(schema()).concatMap(ddl -> db.sql(ddl).execute()).blockLast(TIMEOUT);
        counting.reset();
    }

    /**
     * Every connection is back in the pool after each test, and only then is the pool closed (after any
     * connection it is still destroying: reactor-pool fails a disposal that races a release).
     */
    @AfterEach
    void closePool() {
        io.rowflow.test.Await.until("every connection released", Duration.ofSeconds(10),
                () -> pool.getMetrics().map(metrics -> metrics.acquiredSize() == 0
                        && metrics.allocatedSize() == metrics.idleSize()).orElse(true));
        pool.disposeLater().block(TIMEOUT);
    }

    // ---- the catalogue ----

    /** What {@link #loadCatalogue()} stored: the generated keys, in insertion order. */
    private record Catalogue(List<Language> languages, List<Actor> actors, List<Film> films) {
    }

    private static int actorOf(int film, int slot) {
        return (film * 7 + slot * 13) % ACTORS;
    }

    private Catalogue loadCatalogue() {
        List<Language> languages = db.insertAll(List.of(new Language(null, "English"), new Language(null, "French"),
                new Language(null, "Japanese"))).collectList().block(TIMEOUT);
        List<Actor> actors = db.insertAll(IntStream.range(0, ACTORS)
                .mapToObj(i -> new Actor(null, "First" + i, "Last" + i)).toList()).collectList().block(TIMEOUT);
        List<Film> films = db.insertAll(IntStream.range(0, FILMS).mapToObj(i -> film(i, languages)).toList())
                .collectList().block(TIMEOUT);
        List<FilmActor> links = new ArrayList<>(LINKS);
        for (int film = 0; film < FILMS; film++) {
            for (int slot = 0; slot < ACTORS_PER_FILM; slot++) {
                links.add(new FilmActor(actors.get(actorOf(film, slot)).id(), films.get(film).id, "role " + slot));
            }
        }
        db.insertAll(links).then().block(TIMEOUT);
        db.insertAll(IntStream.range(0, REVIEWED_FILMS).mapToObj(film -> new Review(null,
                Ref.to(Key.of(actors.get(actorOf(film, 0)).id(), films.get(film).id)), 1 + film % 5)).toList())
                .then().block(TIMEOUT);
        counting.reset();
        return new Catalogue(languages, actors, films);
    }

    private static Film film(int i, List<Language> languages) {
        Film film = new Film("Film " + i, 1950 + i % 70, Ref.to(languages.get(i % LANGUAGES).id()),
                Rating.values()[i % Rating.values().length]);
        film.description = i % 10 == 0 ? null : "An epic tale number " + i;
        if (i % 4 == 0) {
            film.originalLanguage = Ref.to(languages.get((i + 1) % LANGUAGES).id());
        }
        return film;
    }

    @Test
    void theWholeCatalogueIsInsertedInBulkAndTheDatabaseFillsItsOwnColumns() {
        counting.reset();
        Catalogue catalogue = loadCatalogue();

        assertThat(catalogue.languages()).extracting(Language::id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(catalogue.actors()).extracting(Actor::id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(catalogue.films()).extracting(film -> film.id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(catalogue.films()).as("columns the database filled, read back by insertAll")
                .allSatisfy(film -> {
                    assertThat(film.lastUpdate).isNotNull();
                    assertThat(film.titleLength).isEqualTo(film.title.length());
                });
        assertThat(db.count(FilmActor.class).block(TIMEOUT)).isEqualTo(LINKS);
        assertThat(db.count(Review.class).block(TIMEOUT)).isEqualTo(REVIEWED_FILMS);
        assertThat(scalar("SELECT COUNT(*) FROM film WHERE last_update IS NOT NULL AND title_length = "
                + "CHAR_LENGTH(title)")).as("defaults and the generated column filled by the database").isEqualTo(FILMS);
        assertThat(scalar("SELECT COUNT(*) FROM film_actor WHERE last_update IS NOT NULL")).isEqualTo(LINKS);
        assertThat(scalar("SELECT COUNT(*) FROM film WHERE rating = 'PG-13'")).isEqualTo(FILMS / 5);
    }

    @Test
    void actorKeysComeFromTheSequenceInOneBlockPerChunk() {
        List<Actor> actors = db.insertAll(IntStream.range(0, 10_000)
                .mapToObj(i -> new Actor(null, "First" + i, "Last" + i)).toList()).collectList().block(TIMEOUT);

        assertThat(actors).extracting(Actor::id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(counting.statements()).as("a block of keys and an insert per chunk: %s", sequenceStatements())
                .isEqualTo(sequenceStatements());
        assertThat(scalar("SELECT COUNT(*) FROM actor")).isEqualTo(10_000);
        assertThat(db.insert(new Actor(null, "Next", "One")).block(TIMEOUT).id())
                .as("the sequence continues where the block ended").isGreaterThan(actors.get(actors.size() - 1).id());
    }

    /** Statements an insertAll of 10,000 sequence-keyed rows takes: key blocks and inserts. */
    protected abstract int sequenceStatements();

    @Test
    void aFilmIsInsertedFoundUpdatedAndDeletedWithItsEnumDomainAndReferences() {
        List<Language> languages = db.insertAll(List.of(new Language(null, "English"), new Language(null, "Korean")))
                .collectList().block(TIMEOUT);
        Film film = new Film("Oldboy", 2003, Ref.to(languages.get(1).id()), Rating.R);
        film.originalLanguage = Ref.to(languages.get(1).id());

        Film inserted = db.insert(film).block(TIMEOUT);
        assertThat(inserted.id).isNotNull();
        assertThat(inserted.lastUpdate).as("DEFAULT now(), read back").isNotNull();
        assertThat(inserted.titleLength).as("the generated column, read back").isEqualTo(6);
        inserted.title = "Oldboy (2003)";
        inserted.rating = Rating.NC_17;
        inserted.releaseYear = 2004;
        inserted.originalLanguage = null;
        inserted.rentalRate = new BigDecimal("2.99");
        Film updated = db.update(inserted).block(TIMEOUT);
        assertThat(updated.titleLength).as("recomputed by the update and read back").isEqualTo(13);

        Film found = db.findById(Film.class, inserted.id, FetchPlan.of("language")).block(TIMEOUT);
        assertThat(found.rating).isEqualTo(Rating.NC_17);
        assertThat(found.releaseYear).isEqualTo(2004);
        assertThat(found.originalLanguage).isNull();
        assertThat(found.rentalRate).isEqualByComparingTo("2.99");
        assertThat(found.language.get().name()).isEqualTo("Korean");
        assertThat(db.sql("SELECT rating FROM film WHERE film_id = :id").bind("id", inserted.id).mapTo(String.class)
                .fetchOne().block(TIMEOUT)).as("stored as the enum's label").isEqualTo("NC-17");
        assertThat(scalar("SELECT title_length FROM film")).isEqualTo(13);
        assertThat(found.titleLength).isEqualTo(13);
        assertThat(db.delete(found).block(TIMEOUT)).isTrue();
        assertThat(db.count(Film.class).block(TIMEOUT)).isZero();
    }

    @Test
    void aYearOutsideTheDomainIsRefusedAsAnIntegrityViolation() {
        Language english = db.insert(new Language(null, "English")).block(TIMEOUT);

        db.insert(new Film("Metropolis", 1850, Ref.to(english.id()), Rating.G))
                .as(StepVerifier::create)
                .expectError(IntegrityViolationException.class)
                .verify(TIMEOUT);
        assertThat(db.count(Film.class).block(TIMEOUT)).isZero();
    }

    @Test
    void filmsLoadBothLanguagesTheirActorsAndTheirCastInOneStatementPerBatchAndRelationship() {
        Catalogue catalogue = loadCatalogue();

        List<Film> films = db.findAll(Film.class, FetchPlan.of("language"), FetchPlan.of("originalLanguage"),
                FetchPlan.of("actors"), FetchPlan.of("cast")).collectList().block(TIMEOUT);

        int batches = (FILMS + BATCH - 1) / BATCH;
        assertThat(counting.statements()).as("1 + 4 relationships × %d batches", batches).isEqualTo(1 + 4 * batches);
        Map<Integer, Actor> actorsById = catalogue.actors().stream().collect(Collectors.toMap(Actor::id, Function.identity()));
        Map<Integer, Film> byId = films.stream().collect(Collectors.toMap(film -> film.id, Function.identity()));
        for (int i : new int[]{0, 1, 4, 517, FILMS - 1}) {
            Film film = byId.get(catalogue.films().get(i).id);
            assertThat(film.language.get().name()).isEqualTo(catalogue.languages().get(i % LANGUAGES).name());
            assertThat(film.originalLanguage == null ? null : film.originalLanguage.get().name())
                    .isEqualTo(i % 4 == 0 ? catalogue.languages().get((i + 1) % LANGUAGES).name() : null);
            List<Actor> expectedActors = IntStream.range(0, ACTORS_PER_FILM)
                    .mapToObj(slot -> actorsById.get(catalogue.actors().get(actorOf(i, slot)).id())).toList();
            assertThat(film.actors).containsExactlyInAnyOrderElementsOf(expectedActors);
            assertThat(film.cast).hasSize(ACTORS_PER_FILM).allSatisfy(link -> assertThat(link.filmId()).isEqualTo(film.id));
        }
    }

    @Test
    void reviewsLoadTheirPerformanceByTheCompositeForeignKeyAndItsFilmNested() {
        Catalogue catalogue = loadCatalogue();

        List<Review> reviews = db.findAll(Review.class, FetchPlan.of("part").then(FetchPlan.of("film")))
                .collectList().block(TIMEOUT);

        int batches = (REVIEWED_FILMS + BATCH - 1) / BATCH;
        assertThat(counting.statements()).as("1 + 2 levels × %d batches", batches).isEqualTo(1 + 2 * batches);
        assertThat(reviews).hasSize(REVIEWED_FILMS).allSatisfy(review -> {
            FilmActor part = review.part().get();
            assertThat(part.role()).isEqualTo("role 0");
            assertThat(part.film().get().title).startsWith("Film ");
            assertThat(part.film().get().id).isEqualTo(part.filmId());
        });
        Film first = catalogue.films().get(0);
        assertThat(reviews).anySatisfy(review -> assertThat(review.part().get().film().get().title).isEqualTo(first.title));
    }

    @Test
    void linkRowsLoadTheirReviewsBackOverTheCompositeKey() {
        loadCatalogue();

        List<FilmActor> links = db.findAll(FilmActor.class, FetchPlan.of("reviews")).collectList().block(TIMEOUT);

        assertThat(counting.statements()).isEqualTo(1 + (LINKS + BATCH - 1) / BATCH);
        assertThat(links).hasSize(LINKS);
        assertThat(links.stream().mapToInt(link -> link.reviews().size()).sum()).isEqualTo(REVIEWED_FILMS);
        assertThat(links).filteredOn(link -> !link.reviews().isEmpty())
                .allSatisfy(link -> assertThat(link.role()).isEqualTo("role 0"));
    }

    @Test
    void keysetPagingOverTheLinkTableVisitsEveryRowOnceInKeyOrder() {
        loadCatalogue();
        TableRef table = new TableRef(FilmActor.class, "fa");
        SelectStatement<FilmActor> byKey = SelectStatement.of(table, FilmActor.class)
                .withOrderBy(List.of(new OrderItem(new Expression.Column(table, "actorId"), false, OrderItem.Nulls.DEFAULT),
                        new OrderItem(new Expression.Column(table, "filmId"), false, OrderItem.Nulls.DEFAULT)))
                .withLimit(1_000L);

        List<List<FilmActor>> pages = Mono.just(db.fetch(byKey).collectList().block(TIMEOUT))
                .expand(page -> page.size() < 1_000 ? Mono.empty() : db.fetch(byKey.withSeekAfter(
                        List.of(page.get(page.size() - 1).actorId(), page.get(page.size() - 1).filmId()))).collectList())
                .filter(page -> !page.isEmpty())
                .collectList().block(TIMEOUT);

        List<Key> keys = pages.stream().flatMap(List::stream).map(link -> Key.of(link.actorId(), link.filmId())).toList();
        assertThat(pages).hasSize(LINKS / 1_000);
        assertThat(keys).hasSize(LINKS).doesNotHaveDuplicates();
        assertThat(keys).isSortedAccordingTo((a, b) -> (int) a.get(0) != (int) b.get(0)
                ? Integer.compare((int) a.get(0), (int) b.get(0)) : Integer.compare((int) a.get(1), (int) b.get(1)));
    }

    @Test
    void sixtyFourConcurrentLookupsOfLinkRowsAreCoalescedAndEachGetsItsOwnRow() {
        Catalogue catalogue = loadCatalogue();
        Random random = new Random(11);
        int firstFilm = catalogue.films().get(0).id;
        int firstActor = catalogue.actors().get(0).id();
        List<Key> keys = IntStream.range(0, 2_000).mapToObj(i -> Key.of(firstActor + random.nextInt(ACTORS),
                firstFilm + random.nextInt(FILMS))).toList();

        List<Optional<FilmActor>> found = Flux.fromIterable(keys)
                .flatMapSequential(key -> db.findById(FilmActor.class, key).map(Optional::of)
                        .defaultIfEmpty(Optional.empty()), 64)
                .collectList().block(TIMEOUT);

        List<FilmActor> everyLink = db.findAll(FilmActor.class).collectList().block(TIMEOUT);
        Map<Key, FilmActor> expected = everyLink.stream()
                .collect(Collectors.toMap(link -> Key.of(link.actorId(), link.filmId()), Function.identity()));
        for (int i = 0; i < keys.size(); i++) {
            assertThat(found.get(i).map(FilmActor::role)).as("key %s", keys.get(i))
                    .isEqualTo(Optional.ofNullable(expected.get(keys.get(i))).map(FilmActor::role));
        }
        assertThat(found).filteredOn(Optional::isPresent).isNotEmpty();
        CoalescingStatistics.Counts statistics = db.coalescingStatistics().lookups();
        assertThat(statistics.requests()).isEqualTo(keys.size());
        if (lookupsOverlap()) {
            assertThat(statistics.statements()).isLessThan(keys.size() / 2);
        }
    }

    @Test
    void linkRowsAreUpsertedCountedAndDeletedByTheCompositeKeyTogetherWithTheirReviews() {
        Catalogue catalogue = loadCatalogue();
        int actor = catalogue.actors().get(actorOf(3, 0)).id();
        int film = catalogue.films().get(3).id;
        Key key = Key.of(actor, film);

        db.upsert(new FilmActor(actor, film, "lead")).block(TIMEOUT);
        FilmActor lead = db.findById(FilmActor.class, key, FetchPlan.of("reviews")).block(TIMEOUT);
        assertThat(lead.role()).isEqualTo("lead");
        assertThat(lead.reviews()).hasSize(1);
        assertThat(db.existsById(FilmActor.class, key).block(TIMEOUT)).isTrue();

        assertThat(db.delete(lead).block(TIMEOUT)).isTrue();
        assertThat(db.existsById(FilmActor.class, key).block(TIMEOUT)).isFalse();
        assertThat(db.count(FilmActor.class).block(TIMEOUT)).isEqualTo(LINKS - 1);
        assertThat(db.count(Review.class).block(TIMEOUT)).isEqualTo(REVIEWED_FILMS - 1);
    }

    @Test
    void aLinkRowIsInsertedWithItsReviewsByCascade() {
        Catalogue catalogue = loadCatalogue();
        int actor = catalogue.actors().get(1).id();
        int film = catalogue.films().get(FILMS - 1).id;
        db.deleteById(FilmActor.class, Key.of(actor, film)).block(TIMEOUT);

        db.insert(new FilmActor(actor, film, "cameo").withReviews(List.of(new Review(null, null, 4),
                new Review(null, null, 5)))).block(TIMEOUT);

        List<Review> reviews = db.findById(FilmActor.class, Key.of(actor, film), FetchPlan.of("reviews"))
                .block(TIMEOUT).reviews();
        assertThat(reviews).extracting(Review::stars).containsExactlyInAnyOrder(4, 5);
    }

    @Test
    void arrayColumnsWithNullElementsRoundTripOrFailNamingTheColumn() {
        if (!hasArrayColumns()) {
            assertThatThrownBy(() -> db.model(FilmFeatures.class)).isInstanceOf(MappingException.class)
                    .hasMessageContaining(FilmFeatures.class.getName() + ".specialFeatures")
                    .hasMessageContaining("array columns");
            return;
        }
        Catalogue catalogue = loadCatalogue();
        int id = catalogue.films().get(7).id;
        FilmFeatures features = new FilmFeatures(id, "Film 7", Arrays.asList("Trailers", null, "Behind the Scenes"),
                Arrays.asList(120, null, 95), "never written");

        db.update(features).block(TIMEOUT);

        FilmFeatures read = db.findById(FilmFeatures.class, id).block(TIMEOUT);
        assertThat(read.specialFeatures()).isEqualTo(features.specialFeatures());
        assertThat(read.sceneSeconds()).isEqualTo(features.sceneSeconds());
        assertThat(read.fulltext()).as("the tsvector the database keeps, read only").contains("'epic'").contains("'film'");
        assertThat(scalar("SELECT COUNT(*) FROM film WHERE special_features IS NOT NULL AND cardinality(scene_seconds) = 3"))
                .isEqualTo(1);
        assertThat(db.findById(Film.class, id).block(TIMEOUT).rating).as("the columns it does not map are untouched")
                .isEqualTo(Rating.values()[7 % 5]);
    }

    @Test
    void aNumberIsWidenedToTheAskedTypeAndOneTooLargeForItFailsInsteadOfBeingClipped() {
        assertThat(db.sql("SELECT 7").mapTo(Long.class).fetchOne().block(TIMEOUT)).isEqualTo(7L);
        assertThat(db.sql("SELECT 7").mapTo(BigDecimal.class).fetchOne().block(TIMEOUT)).isEqualByComparingTo("7");

        db.sql("SELECT 3000000000").mapTo(Integer.class).fetchOne()
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(MappingException.class)
                        .hasMessageContaining("3000000000 does not fit in Integer"))
                .verify(TIMEOUT);
    }

    @Test
    void theMappingValidatesAgainstTheHandWrittenSchema() {
        List<Class<?>> entities = new ArrayList<>(List.of(Language.class, Actor.class, Film.class, FilmActor.class,
                Review.class));
        if (hasArrayColumns()) {
            entities.add(FilmFeatures.class);
        }

        db.schema().validate(entities.toArray(Class<?>[]::new))
                .as(StepVerifier::create)
                .expectComplete()
                .verify(TIMEOUT);
    }

    private long scalar(String sql) {
        return db.sql(sql).mapTo(Long.class).fetchOne().block(TIMEOUT);
    }
}
