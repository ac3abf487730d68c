package io.rowflow.examples.docs;

import static io.rowflow.examples.keys.Stock_.STOCK;
import static io.rowflow.query.Queries.select;

import io.rowflow.Database;
import io.rowflow.Key;
import io.rowflow.Ref;
import io.rowflow.examples.keys.Film;
import io.rowflow.examples.keys.FilmActor;
import io.rowflow.examples.keys.Role;
import io.rowflow.examples.keys.Scene;
import io.rowflow.examples.keys.Stock;
import io.rowflow.examples.keys.StockKey;
import io.rowflow.sql.FetchPlan;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The code samples of {@code docs/keys.md}, run by {@code KeySnippetsTest}.
 */
public final class KeySnippets {

    private KeySnippets() {
    }

    public static Mono<Void> createSchema(Database db) {
        return Flux.just(
                        "CREATE TABLE film_actor (actor_id INTEGER NOT NULL, film_id INTEGER NOT NULL, "
                                + "role VARCHAR(100) NOT NULL, "
                                + "last_update TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL, "
                                + "PRIMARY KEY (actor_id, film_id))",
                        "CREATE TABLE stock (store_id INTEGER NOT NULL, film_id INTEGER NOT NULL, "
                                + "copies INTEGER NOT NULL, version INTEGER NOT NULL, "
                                + "PRIMARY KEY (store_id, film_id))",
                        "CREATE TABLE scene (id INTEGER NOT NULL PRIMARY KEY, title VARCHAR(100) NOT NULL, "
                                + "actor_id INTEGER, film_id INTEGER, "
                                + "FOREIGN KEY (actor_id, film_id) REFERENCES film_actor (actor_id, film_id))",
                        "CREATE TABLE language (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL)",
                        "CREATE TABLE film (id INTEGER NOT NULL PRIMARY KEY, title VARCHAR(100) NOT NULL, "
                                + "language_id INTEGER NOT NULL REFERENCES language (id), "
                                + "original_language_id INTEGER REFERENCES language (id))")
                .concatMap(ddl -> db.sql(ddl).execute())
                .then();
    }

    public static Mono<FilmActor> castAndFind(Database db) {
        return db.insert(new FilmActor(1, 23, "Captain"))
                .then(db.findById(FilmActor.class, Key.of(1, 23)));   // actorId, filmId
    }

    public static Flux<FilmActor> severalLinks(Database db) {
        return db.findAllById(FilmActor.class, List.of(Key.of(1, 23), Key.of(2, 23)));
    }

    public static Mono<Boolean> removeFromFilm(Database db) {
        return db.deleteById(FilmActor.class, Key.of(1, 23));
    }

    public static Mono<Stock> restock(Database db) {
        return db.insert(new Stock(new StockKey(1, 23), 4, null))
                .flatMap(stock -> db.update(new Stock(stock.key(), 5, stock.version())))
                .then(db.findById(Stock.class, new StockKey(1, 23)));
    }

    public static Flux<Stock> ofStore(Database db, int storeId) {
        return db.fetch(select(STOCK).where(STOCK.key.storeId.eq(storeId)).orderBy(STOCK.key.filmId.asc()));
    }

    public static Flux<Scene> scenesWithTheirPart(Database db) {
        return db.findAll(Scene.class, FetchPlan.of("part"));   // one query per 256 scenes, not per scene
    }

    public static Mono<Scene> sceneOf(Database db) {
        return db.insert(new Scene(1, "Storm", Ref.to(Key.of(1, 23))));   // the FilmActor's key
    }

    public static Flux<Film> filmsWithBothLanguages(Database db) {
        return db.findAll(Film.class, FetchPlan.of("language"), FetchPlan.of("originalLanguage"));
    }

    public static Flux<Role> rolesWithTheirFilm(Database db) {
        return db.findAll(Role.class, FetchPlan.of("film"));   // film_id: a key column and the foreign key
    }
}
