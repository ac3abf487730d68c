package io.rowflow.schema;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;
import java.util.List;

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
}
