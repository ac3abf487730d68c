package io.rowflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.Database;
import io.rowflow.examples.docs.GettingStartedSnippets;
import io.rowflow.examples.docs.KeySnippets;
import io.rowflow.Ref;
import io.rowflow.examples.keys.Film;
import io.rowflow.examples.keys.FilmActor;
import io.rowflow.examples.keys.Language;
import io.rowflow.examples.keys.Scene;
import io.rowflow.examples.keys.Stock;
import io.rowflow.examples.keys.StockKey;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/keys.md on H2, over the hand-written schema of the guide. */
class KeySnippetsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Database db;

    @BeforeEach
    void createSchema() {
        db = GettingStartedSnippets.connectToH2("keys_" + UUID.randomUUID().toString().replace('-', '_'));
        KeySnippets.createSchema(db).block(TIMEOUT);
    }

    @Test
    void aLinkRowIsFoundByBothIds() {
        assertThat(KeySnippets.castAndFind(db).block(TIMEOUT)).isEqualTo(new FilmActor(1, 23, "Captain"));
        db.insert(new FilmActor(2, 23, "Mate")).block(TIMEOUT);

        assertThat(KeySnippets.severalLinks(db).map(FilmActor::role).collectList().block(TIMEOUT))
                .containsExactly("Captain", "Mate");
        assertThat(KeySnippets.removeFromFilm(db).block(TIMEOUT)).isTrue();
        assertThat(db.count(FilmActor.class).block(TIMEOUT)).isEqualTo(1);
    }

    @Test
    void aSceneLoadsTheLinkRowItReferencesByBothColumns() {
        KeySnippets.castAndFind(db).block(TIMEOUT);
        KeySnippets.sceneOf(db).block(TIMEOUT);

        Scene scene = KeySnippets.scenesWithTheirPart(db).blockFirst(TIMEOUT);
        assertThat(scene.part().get()).isEqualTo(new FilmActor(1, 23, "Captain"));
    }

    @Test
    void aFilmLoadsBothOfItsLanguagesInOnePlan() {
        db.insertAll(java.util.List.of(new Language(1, "English"), new Language(2, "French"))).blockLast(TIMEOUT);
        db.insertAll(java.util.List.of(new Film(1, "Amélie", Ref.to(2), null),
                new Film(2, "Amélie (dubbed)", Ref.to(1), Ref.to(2)))).blockLast(TIMEOUT);

        assertThat(KeySnippets.filmsWithBothLanguages(db)
                .map(film -> film.language().get().name() + "/"
                        + (film.originalLanguage() == null ? "-" : film.originalLanguage().get().name()))
                .collectList().block(TIMEOUT)).containsExactly("French/-", "English/French");
    }

    @Test
    void aKeyColumnIsAlsoTheForeignKeyOfTheFilm() {
        db.insert(new Language(1, "English")).block(TIMEOUT);
        db.insert(new Film(23, "Typhoon", Ref.to(1), null)).block(TIMEOUT);
        KeySnippets.castAndFind(db).block(TIMEOUT);

        assertThat(KeySnippets.rolesWithTheirFilm(db).map(role -> role.role() + " in " + role.film().get().title())
                .collectList().block(TIMEOUT)).containsExactly("Captain in Typhoon");
    }

    @Test
    void aStockRowIsFoundByItsKeyRecordAndVersioned() {
        assertThat(KeySnippets.restock(db).block(TIMEOUT)).isEqualTo(new Stock(new StockKey(1, 23), 5, 1));
        db.insert(new Stock(new StockKey(1, 7), 2, null)).block(TIMEOUT);
        db.insert(new Stock(new StockKey(2, 7), 9, null)).block(TIMEOUT);

        assertThat(KeySnippets.ofStore(db, 1).map(stock -> stock.key().filmId()).collectList().block(TIMEOUT))
                .containsExactly(7, 23);
    }
}
