package io.rowflow.schema;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.fixtures.Film;
import io.rowflow.fixtures.FilmLabel;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Schema validation on H2, plus an {@code ENUM} column mapped with a declared type. */
class H2SchemaValidationTest extends SchemaValidationContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.h2();
    }

    @Override
    protected List<String> extraDdl() {
        return List.of("drop table if exists film", "create table film (id bigint primary key, "
                + "title varchar(200) not null, rating enum('G', 'PG', 'PG-13', 'R', 'NC-17'))");
    }

    @Test
    void enumColumnsPassForEnumsAndStringsWithADeclaredType() {
        db.schema().validate(Film.class, FilmLabel.class)
                .as(StepVerifier::create)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }
}
