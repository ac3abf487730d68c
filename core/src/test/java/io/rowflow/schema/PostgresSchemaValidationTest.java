package io.rowflow.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import io.rowflow.fixtures.Film;
import io.rowflow.fixtures.FilmLabel;
import io.rowflow.fixtures.Inventory;
import io.rowflow.fixtures.Rating;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Schema validation on PostgreSQL, plus its enum types, domains and arrays. */
class PostgresSchemaValidationTest extends SchemaValidationContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }

    @Override
    protected List<String> extraDdl() {
        return List.of("drop table if exists film", "drop table if exists inventory",
                "drop type if exists mpaa_rating cascade", "drop domain if exists positive_int cascade",
                "create type mpaa_rating as enum ('G', 'PG', 'PG-13', 'R', 'NC-17')",
                "create domain positive_int as int check (value > 0)",
                "create table film (id bigint primary key, title text not null, rating mpaa_rating)",
                "create table inventory (id bigint primary key, stock positive_int not null, tags text[], "
                        + "scores int[], address inet, restock interval, details jsonb)");
    }

    @Test
    void enumTypesDomainsArraysInetIntervalAndJsonbPass() {
        db.schema().validate(Film.class, FilmLabel.class, Inventory.class)
                .as(StepVerifier::create)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void enumColumnsWithoutOrWithAnotherDeclaredTypeAndWrongArraysAreFound() {
        assertThat(problems(UndeclaredEnum.class, OtherEnum.class, WrongArray.class)).containsExactly(
                UndeclaredEnum.class.getName() + ".rating (table 'film', column 'rating'): the column has the "
                        + "database's own type mpaa_rating; declare it once with @Column(type = \"mpaa_rating\") "
                        + "so that values are bound as that type",
                OtherEnum.class.getName() + ".rating (table 'film', column 'rating'): the mapping declares type "
                        + "film_rating, but the column has type mpaa_rating",
                WrongArray.class.getName() + ".scores (table 'inventory', column 'scores'): its Java type List "
                        + "cannot be stored in a column of type int4[] (expected text[])");
    }

    @Table(name = "film")
    public record UndeclaredEnum(@Id Long id, Rating rating) {
    }

    @Table(name = "film")
    public record OtherEnum(@Id Long id, @io.rowflow.annotation.Column(type = "film_rating") Rating rating) {
    }

    @Table(name = "inventory")
    public record WrongArray(@Id Long id, List<String> scores) {
    }
}
