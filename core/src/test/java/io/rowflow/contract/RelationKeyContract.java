package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.rowflow.Database;
import io.rowflow.Key;
import io.rowflow.Ref;
import io.rowflow.fixtures.keys.Actor;
import io.rowflow.fixtures.keys.CastMember;
import io.rowflow.fixtures.keys.Casting;
import io.rowflow.fixtures.keys.Film;
import io.rowflow.fixtures.keys.FilmActor;
import io.rowflow.fixtures.keys.FilmStock;
import io.rowflow.fixtures.keys.Language;
import io.rowflow.fixtures.keys.Scene;
import io.rowflow.fixtures.keys.Shelf;
import io.rowflow.fixtures.keys.StockKey;
import io.rowflow.sql.FetchPlan;
import io.rowflow.test.CountingConnectionFactory;
import io.rowflow.test.TestDatabases;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * Relationships over keys on each database, over a hand-written schema: a composite foreign key
 * ({@code scene (actor_id, film_id)} to the {@code film_actor} link table) loaded from both sides
 * in batches and cascaded; a composite foreign key to an entity keyed by an {@code @Id} record;
 * two relationships to the same target ({@code film.language_id}, {@code film.original_language_id})
 * in one plan; and a many-to-many whose link table is itself an entity with a composite key.
 */
public abstract class RelationKeyContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int BATCH = 256;
    private static final int LANGUAGES = 5;
    private static final int FILMS = 60;
    private static final int ACTORS = 200;
    private static final int CASTINGS = ACTORS * FILMS;
    private static final int SCENES = 3_000;

    private CountingConnectionFactory counting;
    private ConnectionPool pool;
    private Database db;

    /** The real database under test, unpooled. */
    protected abstract ConnectionFactory connectionFactory();

    @BeforeEach
    void createSchema() {
        counting = new CountingConnectionFactory(connectionFactory());
        pool = TestDatabases.pooled(counting, 4);
        db = Database.create(pool);
        List<String> ddl = List.of(
                "CREATE TABLE language (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL)",
                "CREATE TABLE film (id INTEGER NOT NULL PRIMARY KEY, title VARCHAR(100) NOT NULL, "
                        + "language_id INTEGER NOT NULL, original_language_id INTEGER, "
                        + "FOREIGN KEY (language_id) REFERENCES language (id), "
                        + "FOREIGN KEY (original_language_id) REFERENCES language (id))",
                "CREATE TABLE actor (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL)",
                "CREATE TABLE film_actor (actor_id INTEGER NOT NULL, film_id INTEGER NOT NULL, "
                        + "role VARCHAR(100) NOT NULL, last_update TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL, "
                        + "PRIMARY KEY (actor_id, film_id), FOREIGN KEY (actor_id) REFERENCES actor (id), "
                        + "FOREIGN KEY (film_id) REFERENCES film (id))",
                "CREATE TABLE scene (id INTEGER NOT NULL PRIMARY KEY, title VARCHAR(100) NOT NULL, "
                        + "actor_id INTEGER, film_id INTEGER, "
                        + "FOREIGN KEY (actor_id, film_id) REFERENCES film_actor (actor_id, film_id))",
                "CREATE TABLE film_stock (store_id INTEGER NOT NULL, film_id INTEGER NOT NULL, "
                        + "copies INTEGER NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (store_id, film_id))",
                "CREATE TABLE shelf (id INTEGER NOT NULL PRIMARY KEY, label VARCHAR(40) NOT NULL, "
                        + "store_id INTEGER, film_id INTEGER, "
                        + "FOREIGN KEY (store_id, film_id) REFERENCES film_stock (store_id, film_id))");
        Flux.just("shelf", "film_stock", "scene", "film_actor", "actor", "film", "language")
                .concatMap(table -> db.sql("DROP TABLE IF EXISTS " + table).execute())
                .thenMany(Flux.fromIterable(ddl).concatMap(statement -> db.sql(statement).execute()))
                .blockLast(TIMEOUT);
    }

    /** Every connection is back in the pool after each test (no leak), and only then is the pool closed. */
    @AfterEach
    void closePool() {
        io.rowflow.test.Await.until("every connection released", Duration.ofSeconds(10),
                () -> pool.getMetrics().map(metrics -> metrics.acquiredSize() == 0).orElse(true));
        pool.disposeLater().block(TIMEOUT);
    }

    private static Integer originalLanguageOf(int film) {
        return film % 3 == 0 ? null : (film + 1) % LANGUAGES + 1;
    }

    /** 5 languages, 60 films, 200 actors, 12,000 castings and 3,000 scenes (one per fourth casting). */
    private void insertData() {
        db.insertAll(IntStream.rangeClosed(1, LANGUAGES).mapToObj(i -> new Language(i, "language " + i)).toList())
                .blockLast(TIMEOUT);
        db.insertAll(IntStream.rangeClosed(1, FILMS).mapToObj(i -> new Film(i, "film " + i,
                Ref.to(i % LANGUAGES + 1), originalLanguageOf(i) == null ? null : Ref.to(originalLanguageOf(i)))).toList())
                .blockLast(TIMEOUT);
        db.insertAll(IntStream.rangeClosed(1, ACTORS).mapToObj(i -> new Actor(i, "actor " + i, List.of())).toList())
                .blockLast(TIMEOUT);
        List<FilmActor> links = new ArrayList<>(CASTINGS);
        for (int actor = 1; actor <= ACTORS; actor++) {
            for (int film = 1; film <= FILMS; film++) {
                links.add(new FilmActor(actor, film, "role " + actor + "/" + film));
            }
        }
        db.insertAll(links).blockLast(TIMEOUT);
        db.insertAll(IntStream.range(0, SCENES).mapToObj(i -> new Scene(i + 1, "scene " + (i + 1),
                Ref.to(Key.of(sceneActor(i), sceneFilm(i))))).toList()).blockLast(TIMEOUT);
        counting.reset();
    }

    /** Scene {@code i} (from 0) belongs to casting {@code 4 i} in actor-then-film order. */
    private static int sceneActor(int i) {
        return 4 * i / FILMS + 1;
    }

    private static int sceneFilm(int i) {
        return 4 * i % FILMS + 1;
    }

    private static int statements(int parents, int levels) {
        return 1 + levels * ((parents + BATCH - 1) / BATCH);
    }

    @Test
    void aCompositeForeignKeyLoadsItsTargetsInBatches() {
        insertData();

        List<Scene> scenes = db.findAll(Scene.class, FetchPlan.of("casting")).collectList().block(TIMEOUT);

        assertThat(scenes).hasSize(SCENES);
        for (Scene scene : scenes) {
            int i = scene.id() - 1;
            Casting casting = scene.casting().get();
            assertThat(List.of(casting.actorId(), casting.filmId(), casting.role()))
                    .isEqualTo(List.of(sceneActor(i), sceneFilm(i), "role " + sceneActor(i) + "/" + sceneFilm(i)));
            assertThat(scene.casting().id(Key.class)).isEqualTo(Key.of(sceneActor(i), sceneFilm(i)));
        }
        report("scenes with their casting", statements(SCENES, 1));
        assertThat(counting.statements()).isEqualTo(statements(SCENES, 1));
    }

    @Test
    void theInverseSideLoadsChildrenOverTheCompositeKey() {
        insertData();

        List<Casting> castings = db.findAll(Casting.class, FetchPlan.of("scenes")).collectList().block(TIMEOUT);

        assertThat(castings).hasSize(CASTINGS);
        assertThat(castings.stream().mapToInt(casting -> casting.scenes().size()).sum()).isEqualTo(SCENES);
        for (Casting casting : castings) {
            for (Scene scene : casting.scenes()) {
                assertThat(scene.casting().id()).isEqualTo(Key.of(casting.actorId(), casting.filmId()));
            }
        }
        report("castings with their scenes", statements(CASTINGS, 1));
        assertThat(counting.statements()).isEqualTo(statements(CASTINGS, 1));
    }

    @Test
    void twoLevelsOverCompositeKeysTakeOneStatementPerLevelAndBatch() {
        insertData();

        List<Scene> scenes = db.findAll(Scene.class, FetchPlan.of("casting").then(FetchPlan.of("scenes")))
                .collectList().block(TIMEOUT);

        assertThat(scenes).hasSize(SCENES).allSatisfy(scene -> assertThat(scene.casting().get().scenes())
                .extracting(Scene::id).containsExactly(scene.id()));
        report("scenes, their casting and its scenes", statements(SCENES, 2));
        assertThat(counting.statements()).isEqualTo(statements(SCENES, 2));
    }

    @Test
    void inATransactionParentsStreamInWindowsOverTheCompositeKey() {
        insertData();

        List<Casting> castings = db.inTransaction(tx -> db.findAll(Casting.class, FetchPlan.of("scenes")))
                .collectList().block(TIMEOUT);

        assertThat(castings).hasSize(CASTINGS);
        assertThat(castings.stream().map(casting -> Key.of(casting.actorId(), casting.filmId())).distinct().count())
                .isEqualTo(CASTINGS);
        assertThat(castings.stream().mapToInt(casting -> casting.scenes().size()).sum()).isEqualTo(SCENES);
        boolean cursors = db.dialect().supports(io.rowflow.dialect.Feature.CURSORS);
        if (cursors) {
            assertThat(counting.executedSql()).anySatisfy(sql -> assertThat(sql).startsWith("DECLARE"));
        } else {
            assertThat(counting.executedSql()).anySatisfy(sql -> assertThat(sql).contains("film_id").contains(" > "));
        }
        // One window (a keyset query, or a cursor's FETCH between its DECLARE and CLOSE) and one follow-up per batch.
        int expected = 2 * (CASTINGS / BATCH + 1) + (cursors ? 2 : 0);
        report("castings with their scenes in a transaction (windows and follow-ups)", expected);
        assertThat(counting.statements()).as("one window and one follow-up per batch").isEqualTo(expected);
    }

    @Test
    void cascadesFollowTheCompositeKey() {
        insertData();
        Casting casting = new Casting(ACTORS, FILMS, "new role",
                List.of(new Scene(90_001, "opening", null), new Scene(90_002, "finale", null)));
        db.deleteById(FilmActor.class, Key.of(ACTORS, FILMS)).block(TIMEOUT);

        Casting saved = db.insert(casting).block(TIMEOUT);
        assertThat(saved.scenes()).allSatisfy(scene -> assertThat(scene.casting().id()).isEqualTo(Key.of(ACTORS, FILMS)));
        Casting loaded = db.findById(Casting.class, Key.of(ACTORS, FILMS), FetchPlan.of("scenes")).block(TIMEOUT);
        assertThat(loaded.scenes()).extracting(Scene::title).containsExactly("opening", "finale");

        db.update(new Casting(ACTORS, FILMS, "new role", List.of(new Scene(90_002, "last", Ref.to(Key.of(ACTORS, FILMS))))))
                .block(TIMEOUT);
        assertThat(db.findById(Casting.class, Key.of(ACTORS, FILMS), FetchPlan.of("scenes")).block(TIMEOUT).scenes())
                .extracting(Scene::title).containsExactly("last");
        assertThat(db.existsById(Scene.class, 90_001).block(TIMEOUT)).as("the orphan").isFalse();

        assertThat(db.delete(loaded).block(TIMEOUT)).isTrue();
        assertThat(db.existsById(Scene.class, 90_002).block(TIMEOUT)).isFalse();
        assertThat(db.count(Scene.class).block(TIMEOUT)).isEqualTo(SCENES);
    }

    @Test
    void twoRelationshipsToTheSameTargetLoadTogetherInOnePlan() {
        insertData();

        List<Film> films = db.findAll(Film.class, FetchPlan.of("language"), FetchPlan.of("originalLanguage"))
                .collectList().block(TIMEOUT);

        assertThat(films).hasSize(FILMS).allSatisfy(film -> {
            assertThat(film.language().get()).isEqualTo(new Language(film.id() % LANGUAGES + 1,
                    "language " + (film.id() % LANGUAGES + 1)));
            Integer original = originalLanguageOf(film.id());
            if (original == null) {
                assertThat(film.originalLanguage()).isNull();
            } else {
                assertThat(film.originalLanguage().get().id()).isEqualTo(original);
            }
        });
        report("films with language and original language", 1 + 2);
        assertThat(counting.statements()).isEqualTo(1 + 2);
    }

    @Test
    void aLinkTableEntityWithACompositeKeyStillServesAManyToMany() {
        insertData();

        List<Actor> actors = db.findAll(Actor.class, FetchPlan.of("films")).collectList().block(TIMEOUT);

        assertThat(actors).hasSize(ACTORS).allSatisfy(actor -> assertThat(actor.films()).extracting(Film::id)
                .isEqualTo(IntStream.rangeClosed(1, FILMS).boxed().toList()));
        assertThat(counting.statements()).isEqualTo(statements(ACTORS, 1));
    }

    @Test
    void keyColumnsThatAreAlsoForeignKeysLoadBothReferences() {
        insertData();

        List<CastMember> cast = db.findAll(CastMember.class, FetchPlan.of("actor"), FetchPlan.of("film"))
                .collectList().block(TIMEOUT);

        assertThat(cast).hasSize(CASTINGS).allSatisfy(member -> {
            assertThat(member.actor().get().name()).isEqualTo("actor " + member.actorId());
            assertThat(member.film().get().title()).isEqualTo("film " + member.filmId());
        });
        report("link rows with both references over their key columns", statements(CASTINGS, 2));
        assertThat(counting.statements()).isEqualTo(statements(CASTINGS, 2));

        db.deleteById(CastMember.class, Key.of(ACTORS, FILMS)).block(TIMEOUT);
        CastMember inserted = db.insert(new CastMember(ACTORS, FILMS, "lead", Ref.to(ACTORS), null)).block(TIMEOUT);
        assertThat(db.findById(CastMember.class, Key.of(ACTORS, FILMS), FetchPlan.of("film")).block(TIMEOUT)
                .film().get().id()).as("the key property is the column's value").isEqualTo(FILMS);
        assertThat(inserted.role()).isEqualTo("lead");
    }

    @Test
    void aForeignKeyToAnIdRecordLoadsItsTarget() {
        db.insertAll(IntStream.range(0, 600).mapToObj(i -> new FilmStock(new StockKey(i % 3, i), i, null)).toList())
                .blockLast(TIMEOUT);
        db.insertAll(IntStream.range(0, 600).mapToObj(i -> new Shelf(i, "shelf " + i,
                i % 7 == 0 ? null : Ref.to(new StockKey(i % 3, i)))).toList()).blockLast(TIMEOUT);
        counting.reset();

        List<Shelf> shelves = db.findAll(Shelf.class, FetchPlan.of("stock")).collectList().block(TIMEOUT);

        assertThat(shelves).hasSize(600).allSatisfy(shelf -> {
            if (shelf.id() % 7 == 0) {
                assertThat(shelf.stock()).isNull();
            } else {
                assertThat(shelf.stock().id(StockKey.class)).isEqualTo(new StockKey(shelf.id() % 3, shelf.id()));
                assertThat(shelf.stock().get().key()).isEqualTo(new StockKey(shelf.id() % 3, shelf.id()));
                assertThat(shelf.stock().get().copies()).isEqualTo(shelf.id());
            }
        });
        assertThat(counting.statements()).isEqualTo(statements(600, 1));
    }

    private void report(String what, int expected) {
        System.out.printf("[%s] %s: %d statements (expected %d)%n", getClass().getSimpleName(), what,
                counting.statements(), expected);
    }
}
