package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import io.rowflow.fixtures.UndeclaredFilm;
import io.rowflow.fixtures.Rating;
import io.rowflow.test.TestDatabases;
import java.util.List;

/** The native-type suite on MariaDB: an {@code ENUM} column, which takes the labels as text. */
class MariaDbNativeTypesTest extends NativeTypesContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }

    /** MariaDB has no domains: the nearest form is the base type with a check constraint. */
    @Override
    protected List<String> stockDdl() {
        return List.of("drop table if exists stock",
                "create table stock (id bigint primary key, quantity int not null check (quantity > 0))");
    }

    @Override
    protected List<String> filmDdl() {
        return List.of("drop table if exists film",
                "create table film (id bigint primary key, title varchar(200) not null, "
                        + "rating enum('G', 'PG', 'PG-13', 'R', 'NC-17'))");
    }

    @Test
    void anEnumColumnTakesLabelsEvenWithoutADeclaredType() {
        db.insert(new UndeclaredFilm(1L, "Jaws", Rating.PG_13)).block(Duration.ofSeconds(30));

        assertThat(db.findById(UndeclaredFilm.class, 1L).block(Duration.ofSeconds(30)).rating()).isEqualTo(Rating.PG_13);
    }
}
