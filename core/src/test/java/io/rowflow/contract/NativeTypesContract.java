package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.IntegrityViolationException;
import io.rowflow.MappingException;
import io.rowflow.fixtures.Film;
import io.rowflow.fixtures.FilmLabel;
import io.rowflow.fixtures.Rating;
import io.rowflow.fixtures.Stock;
import io.rowflow.sql.Assignment;
import io.rowflow.sql.DataChangeStatement;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.SelectStatement;
import io.rowflow.sql.TableRef;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * A database enum column ({@code rating}, labels {@code G, PG, PG-13, R, NC-17}) created by
 * hand-written DDL, mapped once with {@code @Column(type = "mpaa_rating")}: written by insert,
 * insertAll, update and upsert, read back, and compared with {@code =}, {@code <>} and
 * {@code IN}, from a Java enum with {@code @EnumLabel}s and from a {@code String}. Each database
 * uses its native form: a PostgreSQL enum type, a MariaDB {@code ENUM} column, an H2 {@code ENUM}.
 */
public abstract class NativeTypesContract extends DatabaseTestSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final TableRef FILM = new TableRef(Film.class, "film");

    /** Statements creating the {@code film} table (and its enum type), after dropping what exists. */
    protected abstract List<String> filmDdl();

    @Override
    protected Class<?>[] tables() {
        return new Class<?>[0];
    }

    @BeforeEach
    void createFilmTable() {
        for (String statement : filmDdl()) {
            db.sql(statement).execute().block(TIMEOUT);
        }
    }

    @Test
    void insertsAndReadsEnumLabelsThatAreNotJavaIdentifiers() {
        db.insert(new Film(1, "Alien", Rating.R)).block(TIMEOUT);
        db.insert(new Film(2, "Jaws", Rating.PG_13)).block(TIMEOUT);
        db.insert(new Film(3, "Crash", Rating.NC_17)).block(TIMEOUT);

        assertThat(db.findById(Film.class, 2L).block(TIMEOUT).rating).isEqualTo(Rating.PG_13);
        assertThat(db.findById(FilmLabel.class, 3L).block(TIMEOUT).rating).isEqualTo("NC-17");
        assertThat(db.sql("select rating from film where id = 2").mapTo(String.class).fetchOne().block(TIMEOUT))
                .as("stored as the label").isEqualTo("PG-13");
    }

    @Test
    void insertsFromAStringAndReadsAsTheEnum() {
        db.insert(new FilmLabel(1, "Up", "PG")).block(TIMEOUT);
        db.insert(new FilmLabel(2, "Heat", "NC-17")).block(TIMEOUT);

        assertThat(db.findById(Film.class, 2L).block(TIMEOUT).rating).isEqualTo(Rating.NC_17);
        assertThat(db.findAll(Film.class).map(film -> film.rating).collectList().block(TIMEOUT))
                .containsExactlyInAnyOrder(Rating.PG, Rating.NC_17);
    }

    @Test
    void insertAllWritesEveryRatingInOneBatch() {
        List<Film> films = IntStream.range(0, 50)
                .mapToObj(i -> new Film(i, "Film " + i, Rating.values()[i % Rating.values().length])).toList();

        db.insertAll(films).then().block(TIMEOUT);

        assertThat(db.count(Film.class).block(TIMEOUT)).isEqualTo(50);
        assertThat(db.findById(Film.class, 13L).block(TIMEOUT).rating).isEqualTo(Rating.values()[13 % 5]);
        assertThat(db.sql("select count(*) from film where rating = 'PG-13'").mapTo(Long.class).fetchOne().block(TIMEOUT))
                .isEqualTo(10);
    }

    @Test
    void updatesAndUpsertsTheEnumColumn() {
        Film film = db.insert(new Film(1, "Big", Rating.G)).block(TIMEOUT);
        film.rating = Rating.PG_13;
        db.update(film).block(TIMEOUT);
        db.upsert(new Film(2, "Fargo", Rating.R)).block(TIMEOUT);
        db.upsert(new Film(2, "Fargo", Rating.NC_17)).block(TIMEOUT);

        assertThat(db.findById(Film.class, 1L).block(TIMEOUT).rating).isEqualTo(Rating.PG_13);
        assertThat(db.findById(Film.class, 2L).block(TIMEOUT).rating).isEqualTo(Rating.NC_17);
    }

    @Test
    void comparesTheEnumColumnWithEnumsAndStrings() {
        insertThree();

        assertThat(titles(compare(Predicate.ComparisonOperator.EQ, Rating.PG_13))).containsExactly("Jaws");
        assertThat(titles(compare(Predicate.ComparisonOperator.EQ, "NC-17"))).containsExactly("Crash");
        assertThat(titles(compare(Predicate.ComparisonOperator.NE, Rating.R))).containsExactly("Jaws", "Crash");
        assertThat(titles(in(false, Rating.R, Rating.NC_17))).containsExactly("Alien", "Crash");
        assertThat(titles(in(false, "PG-13"))).containsExactly("Jaws");
        assertThat(titles(in(true, Rating.PG_13, "R"))).containsExactly("Crash");
    }

    @Test
    void updatesByPredicateSetTheEnumColumn() {
        insertThree();

        Long changed = db.execute(DataChangeStatement.update(FILM)
                .set("rating", new Expression.Value(Rating.G))
                .where(compare(Predicate.ComparisonOperator.EQ, "PG-13")).build()).block(TIMEOUT);

        assertThat(changed).isEqualTo(1);
        assertThat(db.findById(Film.class, 2L).block(TIMEOUT).rating).isEqualTo(Rating.G);
    }

    @Test
    void rawSqlBindsAnEnumByItsLabel() {
        insertThree();

        db.sql("select title from film where " + rawRatingTest())
                .bind("rating", Rating.NC_17).mapTo(String.class).fetch()
                .as(StepVerifier::create)
                .expectNext("Crash")
                .expectComplete()
                .verify(TIMEOUT);
    }

    /**
     * Statements creating the {@code stock} table whose {@code quantity} is a domain
     * {@code positive_int} over {@code int} checking {@code value > 0} (or the database's nearest form).
     */
    protected abstract List<String> stockDdl();

    @Test
    void domainColumnsAreWrittenComparedUpdatedAndChecked() {
        stockDdl().forEach(statement -> db.sql(statement).execute().block(TIMEOUT));
        db.insertAll(List.of(new Stock(1L, 5), new Stock(2L, 7))).then().block(TIMEOUT);
        db.update(new Stock(1L, 6)).block(TIMEOUT);
        TableRef stock = new TableRef(Stock.class, "stock");

        List<Long> ids = db.fetch(SelectStatement.of(stock, Stock.class).withWhere(new Predicate.Comparison(
                        new Expression.Column(stock, "quantity"), Predicate.ComparisonOperator.EQ, new Expression.Value(6))))
                .map(Stock::id).collectList().block(TIMEOUT);

        assertThat(ids).containsExactly(1L);
        db.insert(new Stock(3L, 0))
                .as(StepVerifier::create)
                .expectError(IntegrityViolationException.class)
                .verify(TIMEOUT);
    }

    @Test
    void aLabelNoConstantHasFailsTheReadNamingTheColumn() {
        db.insert(new Film(1, "Crash", Rating.NC_17)).block(TIMEOUT);

        db.findById(FamilyFilm.class, 1L)
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(MappingException.class)
                        .hasMessageContaining("FamilyFilm.rating (column 'rating')")
                        .hasMessageContaining("'NC-17' is no label of"))
                .verify(TIMEOUT);
    }

    /** The film table read with an enum that lacks most ratings. */
    @io.rowflow.annotation.Table(name = "film")
    public record FamilyFilm(@io.rowflow.annotation.Id Long id, String title,
                             @io.rowflow.annotation.Column(type = "mpaa_rating") FamilyRating rating) {
    }

    /** Only the ratings for everyone. */
    public enum FamilyRating { G, PG }

    /** The raw SQL condition comparing {@code rating} with the parameter {@code :rating}. */
    protected String rawRatingTest() {
        return "rating = :rating";
    }

    private void insertThree() {
        db.insertAll(List.of(new Film(1, "Alien", Rating.R), new Film(2, "Jaws", Rating.PG_13),
                new Film(3, "Crash", Rating.NC_17))).then().block(TIMEOUT);
    }

    private static Predicate compare(Predicate.ComparisonOperator operator, Object value) {
        return new Predicate.Comparison(new Expression.Column(FILM, "rating"), operator, new Expression.Value(value));
    }

    private static Predicate in(boolean negated, Object... values) {
        return new Predicate.InList(new Expression.Column(FILM, "rating"),
                java.util.Arrays.stream(values).<Expression>map(Expression.Value::new).toList(), negated);
    }

    private List<String> titles(Predicate where) {
        return db.fetch(SelectStatement.of(FILM, Film.class).withWhere(where))
                .map(film -> film.title).collectList().block(TIMEOUT)
                .stream().sorted(java.util.Comparator.comparing(t -> List.of("Alien", "Jaws", "Crash").indexOf(t))).toList();
    }
}
