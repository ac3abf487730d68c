package io.rowflow.examples.docs;

import static io.rowflow.examples.keys.Stock_.STOCK;
import static io.rowflow.query.Queries.select;

import io.rowflow.Database;
import io.rowflow.Key;
import io.rowflow.examples.keys.FilmActor;
import io.rowflow.examples.keys.Stock;
import io.rowflow.examples.keys.StockKey;
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
                                + "PRIMARY KEY (store_id, film_id))")
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
}
