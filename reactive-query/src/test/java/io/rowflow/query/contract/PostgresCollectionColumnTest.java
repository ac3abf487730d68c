package io.rowflow.query.contract;

import static io.rowflow.query.Queries.select;
import static io.rowflow.query.fixtures.Film_.FILM;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.contract.DatabaseTestSupport;
import io.rowflow.query.fixtures.Film;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * List and array columns through their generated paths on PostgreSQL, which has array columns:
 * the paths carry the property's type, so a query selecting such a column alone reads it.
 */
class PostgresCollectionColumnTest extends DatabaseTestSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }

    @Override
    protected Class<?>[] tables() {
        return new Class<?>[]{Film.class};
    }

    @BeforeEach
    void insertFilms() {
        db.insertAll(List.of(
                new Film(null, "Alien", List.of("Trailers", "Deleted Scenes"), new Integer[]{5, 4}),
                new Film(null, "Heat", List.of(), new Integer[]{3}))).then().block(TIMEOUT);
    }

    @Test
    void listColumnPathIsTypedAsAList() {
        assertThat(FILM.specialFeatures.javaType()).isEqualTo(List.class);
        assertThat(FILM.ratings.javaType()).isEqualTo(Integer[].class);
    }

    @Test
    void selectingAListColumnAloneReturnsTheLists() {
        List<Object> features = new ArrayList<>();
        db.fetch(select(FILM.specialFeatures).orderBy(FILM.id.asc())).doOnNext(features::add).blockLast(TIMEOUT);

        assertThat(features).containsExactly(List.of("Trailers", "Deleted Scenes"), List.of());
    }

    @Test
    void selectingAnArrayColumnAloneReturnsTheArrays() {
        List<Integer[]> ratings = db.fetch(select(FILM.ratings).orderBy(FILM.id.asc())).collectList().block(TIMEOUT);

        assertThat(ratings).containsExactly(new Integer[]{5, 4}, new Integer[]{3});
    }

    @Test
    void queryOfAListColumnPrintsItsSql() {
        assertThat(select(FILM.specialFeatures).toString())
                .isEqualTo("SELECT t0.\"special_features\" FROM \"film\" t0");
    }
}
