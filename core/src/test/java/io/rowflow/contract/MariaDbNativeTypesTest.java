package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;
import java.util.List;

/** The native-type suite on MariaDB: an {@code ENUM} column, which takes the labels as text. */
class MariaDbNativeTypesTest extends NativeTypesContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }

    @Override
    protected List<String> filmDdl() {
        return List.of("drop table if exists film",
                "create table film (id bigint primary key, title varchar(200) not null, "
                        + "rating enum('G', 'PG', 'PG-13', 'R', 'NC-17'))");
    }
}
