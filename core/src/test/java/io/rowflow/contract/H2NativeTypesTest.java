package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import reactor.test.StepVerifier;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import io.rowflow.fixtures.UndeclaredFilm;
import io.rowflow.fixtures.Rating;
import io.rowflow.DataAccessException;
import io.rowflow.test.TestDatabases;
import java.util.List;

/** The native-type suite on H2: an {@code ENUM} column, which takes the labels as text. */
class H2NativeTypesTest extends NativeTypesContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.h2();
    }

    @Override
    protected List<String> stockDdl() {
        return List.of("drop table if exists stock", "drop domain if exists positive_int",
                "create domain positive_int as int check (value > 0)",
                "create table stock (id bigint primary key, quantity positive_int not null)");
    }

    @Override
    protected List<String> filmDdl() {
        return List.of("drop table if exists film",
                "create table film (id bigint primary key, title varchar(200) not null, "
                        + "rating enum('G', 'PG', 'PG-13', 'R', 'NC-17'))");
    }

    /** r2dbc-h2 binds text as a CLOB, which an ENUM refuses: hand-written SQL passes it as VARCHAR. */
    @Override
    protected String rawRatingTest() {
        return "rating = cast(:rating as varchar)";
    }

    @Test
    void anEnumColumnMappedWithoutItsTypeFailsSayingHowToDeclareIt() {
        db.insert(new UndeclaredFilm(1L, "Jaws", Rating.PG_13))
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(DataAccessException.class)
                        .hasMessageContaining("column 'rating' has a database type of its own")
                        .hasMessageContaining("@Column(type = "))
                .verify(Duration.ofSeconds(30));
    }
}
